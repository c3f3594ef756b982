import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteForm } from '@/components/admin/delete-form.client';
import { getFunder } from '@/lib/funding/funding';
import { requireStaff } from '../../../staff';
import { deleteFunderAction } from '../../actions';
import { FunderForm } from '../../funding-forms.client';

export const metadata: Metadata = { title: 'Edit funder', robots: { index: false } };

export default async function EditFunderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaff(`/admin/funding/funders/${id}`, ['admin']);
  const funder = await getFunder(id);
  if (!funder) notFound();
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/funding" className="text-navy underline">
          Funding
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">
        {funder.name}, {funder.year}
      </h1>
      <FunderForm
        id={funder.id}
        values={{
          name: funder.name,
          band: funder.band,
          year: String(funder.year),
          purpose: funder.purpose,
          url: funder.url ?? '',
        }}
      />
      <div className="mt-12 border-t border-rule pt-6">
        <DeleteForm action={deleteFunderAction} id={funder.id} label="Delete this funder" />
      </div>
    </div>
  );
}
