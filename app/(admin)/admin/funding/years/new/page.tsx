import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '../../../staff';
import { FundingYearForm } from '../../funding-forms.client';

export const metadata: Metadata = { title: 'Record a year’s income', robots: { index: false } };

export default async function NewFundingYearPage() {
  await requireStaff('/admin/funding/years/new', ['admin']);
  const year = String(new Date().getFullYear() - 1);
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/funding" className="text-navy underline">
          Funding
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">Record a year’s income</h1>
      <FundingYearForm values={{ year, totalIncome: '', note: '' }} />
    </div>
  );
}
