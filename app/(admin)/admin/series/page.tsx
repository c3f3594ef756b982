import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { listSeriesForAdmin } from '@/lib/editorial/term-reads';
import { requireStaff } from '../staff';
import { ScrollingTable } from '@/components/ui/scrolling-table';

export const metadata: Metadata = { title: 'Series', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AdminSeriesPage({ searchParams }: Props) {
  await requireStaff('/admin/series');
  const [allSeries, query] = await Promise.all([listSeriesForAdmin(), searchParams]);
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-4xl font-semibold">Series</h1>
        <Link
          href="/admin/series/new"
          className="rounded bg-navy px-4 py-2 font-semibold text-white"
        >
          New series
        </Link>
      </div>
      {query.deleted === '1' && (
        <p role="status" className="mt-6 rounded border border-navy bg-white px-4 py-3 text-navy">
          Series deleted.
        </p>
      )}
      {allSeries.length === 0 ? (
        <div className="mt-8">
          <EmptyState title="No series yet">Columns and regular series are listed here.</EmptyState>
        </div>
      ) : (
        <ScrollingTable className="mt-8">
          <caption className="sr-only">Series</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                Name
              </th>
              <th scope="col" className="py-2 pr-4">
                Columnist
              </th>
              <th scope="col" className="py-2 pr-4">
                Slug
              </th>
              <th scope="col" className="py-2">
                Articles
              </th>
            </tr>
          </thead>
          <tbody>
            {allSeries.map((item) => (
              <tr key={item.id} className="border-b border-rule">
                <td className="py-2 pr-4">
                  <Link
                    href={`/admin/series/${item.id}`}
                    className="font-semibold text-navy underline"
                  >
                    {item.name}
                  </Link>
                </td>
                <td className="py-2 pr-4">{item.columnist?.name ?? '—'}</td>
                <td className="py-2 pr-4">
                  <Link href={`/series/${item.slug}`} className="text-navy underline">
                    {item.slug}
                  </Link>
                </td>
                <td className="py-2">{item.articleCount}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </div>
  );
}
