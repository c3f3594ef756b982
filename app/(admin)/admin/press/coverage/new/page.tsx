import type { Metadata } from 'next';
import Link from 'next/link';
import { listExpertsForAdmin } from '@/lib/editorial/term-reads';
import { requireStaff } from '../../../staff';
import { CoverageForm } from '../coverage-form.client';

export const metadata: Metadata = { title: 'Add coverage', robots: { index: false } };

export default async function NewCoveragePage() {
  await requireStaff('/admin/press/coverage/new');
  const people = await listExpertsForAdmin();
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/press/coverage" className="text-navy underline">
          Coverage
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">Add coverage</h1>
      <CoverageForm
        values={{ title: '', outlet: '', publishedOn: '', url: '', authorId: '' }}
        people={people.map(({ id, name }) => ({ id, name }))}
      />
    </div>
  );
}
