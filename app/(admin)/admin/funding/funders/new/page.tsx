import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '../../../staff';
import { FunderForm } from '../../funding-forms.client';

export const metadata: Metadata = { title: 'Add a funder', robots: { index: false } };

export default async function NewFunderPage() {
  await requireStaff('/admin/funding/funders/new', ['admin']);
  const year = String(new Date().getFullYear() - 1);
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/funding" className="text-navy underline">
          Funding
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">Add a funder</h1>
      <FunderForm values={{ name: '', band: 'from_5k', year, purpose: '', url: '' }} />
    </div>
  );
}
