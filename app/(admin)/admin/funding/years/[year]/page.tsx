import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteForm } from '@/components/admin/delete-form.client';
import { getFundingYear } from '@/lib/funding/funding';
import { requireStaff } from '../../../staff';
import { deleteFundingYearAction } from '../../actions';
import { FundingYearForm } from '../../funding-forms.client';

export const metadata: Metadata = { title: 'Edit a year’s income', robots: { index: false } };

export default async function EditFundingYearPage({
  params,
}: {
  params: Promise<{ year: string }>;
}) {
  const { year } = await params;
  await requireStaff(`/admin/funding/years/${year}`, ['admin']);
  const row = /^\d{4}$/.test(year) ? await getFundingYear(Number(year)) : null;
  if (!row) notFound();
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/funding" className="text-navy underline">
          Funding
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">Income in {row.year}</h1>
      <FundingYearForm
        year={row.year}
        values={{
          year: String(row.year),
          totalIncome: (row.totalIncomePence / 100).toFixed(2).replace(/\.00$/, ''),
          note: row.note,
        }}
      />
      <div className="mt-12 border-t border-rule pt-6">
        <DeleteForm
          action={deleteFundingYearAction}
          id={String(row.year)}
          label="Delete this year’s income"
        />
      </div>
    </div>
  );
}
