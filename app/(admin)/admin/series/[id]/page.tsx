import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteForm } from '@/components/admin/delete-form.client';
import { getSeriesForEditing, listExpertsForAdmin } from '@/lib/editorial/term-reads';
import { requireStaff } from '../../staff';
import { deleteSeriesAction } from '../actions';
import { SeriesForm } from '../series-form.client';

export const metadata: Metadata = { title: 'Edit series', robots: { index: false } };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function EditSeriesPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireStaff(`/admin/series/${id}`);
  const item = await getSeriesForEditing(id);
  if (!item) notFound();
  const [experts, query] = await Promise.all([listExpertsForAdmin(), searchParams]);
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/series" className="text-navy underline">
          Series
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-4xl font-semibold">Edit {item.name}</h1>
      <p className="mt-2 mb-8">
        <Link href={`/series/${item.slug}`} className="text-navy underline">
          View the series’ page
        </Link>
      </p>
      {query.created === '1' && (
        <p role="status" className="mb-6 rounded border border-navy bg-white px-4 py-3 text-navy">
          Series created.
        </p>
      )}
      <SeriesForm
        id={item.id}
        values={{
          name: item.name,
          slug: item.slug,
          description: item.description,
          columnistId: item.columnistId ?? '',
        }}
        experts={experts.map(({ id: expertId, name }) => ({ id: expertId, name }))}
      />
      <section aria-labelledby="delete-heading" className="mt-12 border-t border-rule pt-8">
        <h2 id="delete-heading" className="font-serif text-2xl font-semibold">
          Delete
        </h2>
        <p className="mt-2 mb-4 text-muted">Only a series with no articles can be deleted.</p>
        <DeleteForm action={deleteSeriesAction} id={item.id} label="Delete this series" />
      </section>
    </div>
  );
}
