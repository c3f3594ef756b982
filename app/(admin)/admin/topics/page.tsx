import type { Metadata } from 'next';
import Link from 'next/link';
import { listTopicsForAdmin, type TopicRow } from '@/lib/editorial/term-reads';
import { requireStaff } from '../staff';
import { ScrollingTable } from '@/components/ui/scrolling-table';

export const metadata: Metadata = { title: 'Topics and regions', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function TermTable({ id, title, rows }: { id: string; title: string; rows: TopicRow[] }) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="font-serif text-2xl font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-3 text-muted">None yet.</p>
      ) : (
        <ScrollingTable className="mt-4">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                Name
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
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-rule">
                <td className="py-2 pr-4">
                  <Link
                    href={`/admin/topics/${row.id}`}
                    className="font-semibold text-navy underline"
                  >
                    {row.name}
                  </Link>
                </td>
                <td className="py-2 pr-4">
                  <Link href={`/topics/${row.slug}`} className="text-navy underline">
                    {row.slug}
                  </Link>
                </td>
                <td className="py-2">{row.articleCount}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </section>
  );
}

export default async function AdminTopicsPage({ searchParams }: Props) {
  await requireStaff('/admin/topics');
  const [rows, query] = await Promise.all([listTopicsForAdmin(), searchParams]);
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-4xl font-semibold">Topics and regions</h1>
        <div className="flex gap-3">
          <Link
            href="/admin/topics/new"
            className="rounded bg-navy px-4 py-2 font-semibold text-white"
          >
            New topic
          </Link>
          <Link
            href="/admin/topics/new?kind=region"
            className="rounded border border-navy px-4 py-2 font-semibold text-navy"
          >
            New region
          </Link>
        </div>
      </div>
      {query.deleted === '1' && (
        <p role="status" className="mt-6 rounded border border-navy bg-white px-4 py-3 text-navy">
          Deleted.
        </p>
      )}
      <TermTable
        id="topics-heading"
        title="Topics"
        rows={rows.filter((row) => row.kind === 'topic')}
      />
      <TermTable
        id="regions-heading"
        title="Regions"
        rows={rows.filter((row) => row.kind === 'region')}
      />
    </div>
  );
}
