import type { Metadata } from 'next';
import Link from 'next/link';
import { listExpertsForAdmin } from '@/lib/editorial/term-reads';
import { requireStaff } from '../../staff';
import { SeriesForm } from '../series-form.client';

export const metadata: Metadata = { title: 'New series', robots: { index: false } };

export default async function NewSeriesPage() {
  await requireStaff('/admin/series/new');
  const experts = await listExpertsForAdmin();
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/series" className="text-navy underline">
          Series
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">New series</h1>
      <SeriesForm
        values={{ name: '', slug: '', description: '', columnistId: '' }}
        experts={experts.map(({ id, name }) => ({ id, name }))}
      />
    </div>
  );
}
