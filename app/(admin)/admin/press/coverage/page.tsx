import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { ScrollingTable } from '@/components/ui/scrolling-table';
import { listCoverage } from '@/lib/press/press-reads';
import { formatLongDate } from '@/lib/time/london';
import { requireStaff } from '../../staff';

export const metadata: Metadata = { title: 'Coverage', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AdminCoveragePage({ searchParams }: Props) {
  await requireStaff('/admin/press/coverage');
  const [items, query] = await Promise.all([listCoverage(), searchParams]);
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-4xl font-semibold">Coverage</h1>
        <Link
          href="/admin/press/coverage/new"
          className="rounded bg-navy px-4 py-2 font-semibold text-white"
        >
          Add coverage
        </Link>
      </div>
      <p className="mt-2 text-muted">
        Our work in the news. The newest appear under “In the news” on{' '}
        <Link href="/press" className="text-navy underline">
          the press office page
        </Link>
        .
      </p>
      {query.deleted === '1' && (
        <p role="status" className="mt-6 rounded border border-navy bg-white px-4 py-3 text-navy">
          Coverage deleted.
        </p>
      )}
      {items.length === 0 ? (
        <div className="mt-8">
          <EmptyState title="No coverage yet">
            Add articles and programmes that quote or cite the Institute.
          </EmptyState>
        </div>
      ) : (
        <ScrollingTable className="mt-8">
          <caption className="sr-only">Coverage</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                Date
              </th>
              <th scope="col" className="py-2 pr-4">
                Headline
              </th>
              <th scope="col" className="py-2 pr-4">
                Outlet
              </th>
              <th scope="col" className="py-2">
                Person
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className="border-b border-rule align-top">
                <td className="py-2 pr-4 whitespace-nowrap">
                  {formatLongDate(`${item.publishedOn}T12:00:00Z`)}
                </td>
                <td className="py-2 pr-4">
                  <Link
                    href={`/admin/press/coverage/${item.id}`}
                    className="font-semibold text-navy underline"
                  >
                    {item.title}
                  </Link>
                </td>
                <td className="py-2 pr-4">{item.outlet}</td>
                <td className="py-2">{item.person?.name ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </div>
  );
}
