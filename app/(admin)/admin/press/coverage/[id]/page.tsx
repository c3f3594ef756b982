import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteForm } from '@/components/admin/delete-form.client';
import { listExpertsForAdmin } from '@/lib/editorial/term-reads';
import { getCoverage } from '@/lib/press/press-reads';
import { requireStaff } from '../../../staff';
import { deleteCoverageAction } from '../actions';
import { CoverageForm } from '../coverage-form.client';

export const metadata: Metadata = { title: 'Edit coverage', robots: { index: false } };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function EditCoveragePage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireStaff(`/admin/press/coverage/${id}`);
  const [item, people, query] = await Promise.all([
    getCoverage(id),
    listExpertsForAdmin(),
    searchParams,
  ]);
  if (!item) notFound();
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/press/coverage" className="text-navy underline">
          Coverage
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">Edit coverage</h1>
      <CoverageForm
        notice={query.created === '1' ? 'Coverage added.' : undefined}
        id={item.id}
        values={{
          title: item.title,
          outlet: item.outlet,
          publishedOn: item.publishedOn,
          url: item.url,
          authorId: item.authorId ?? '',
        }}
        people={people.map(({ id: personId, name }) => ({ id: personId, name }))}
      />
      <section aria-labelledby="delete-heading" className="mt-12 border-t border-rule pt-8">
        <h2 id="delete-heading" className="font-serif text-2xl font-semibold">
          Delete
        </h2>
        <p className="mt-2 mb-4 text-muted">It comes off the press office page at once.</p>
        <DeleteForm action={deleteCoverageAction} id={item.id} label="Delete this coverage" />
      </section>
    </div>
  );
}
