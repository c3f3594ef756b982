import type { Metadata } from 'next';
import Link from 'next/link';
import { yearSchema } from '@/lib/funding/funding-input';
import { firstParam } from '@/lib/validation/params';
import { requireStaff } from '../../../staff';
import { FundingYearForm } from '../../funding-forms.client';

export const metadata: Metadata = { title: 'Record a year’s income', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function NewFundingYearPage({ searchParams }: Props) {
  await requireStaff('/admin/funding/years/new', ['admin']);
  // The funding page links a year whose income is not recorded with `?year=`; otherwise the
  // year most often recorded is the one just ended.
  const asked = yearSchema.safeParse(firstParam((await searchParams).year));
  const year = String(asked.success ? asked.data : new Date().getFullYear() - 1);
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
