import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { ScrollingTable } from '@/components/ui/scrolling-table';
import { listNewsletterLists } from '@/lib/newsletters/list-admin';
import { requireStaff } from '../staff';

export const metadata: Metadata = { title: 'Newsletters', robots: { index: false } };

const formatCount = (n: number) => n.toLocaleString('en-GB');

const kindLabels = {
  issues: 'Issues',
  digest: 'Weekly digest',
  series: 'New pieces in a series',
  topic: 'New pieces on a topic',
};

export default async function AdminNewslettersPage() {
  const user = await requireStaff('/admin/newsletters');
  const isAdmin = user.role === 'admin';
  const lists = await listNewsletterLists();
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-4xl font-semibold">Newsletters</h1>
        <Link
          href="/admin/newsletters/new"
          className="rounded bg-navy px-4 py-2 font-semibold text-white"
        >
          New newsletter
        </Link>
      </div>
      <p className="mt-2 text-muted">
        Offered on{' '}
        <Link href="/newsletters" className="text-navy underline">
          the newsletters page
        </Link>{' '}
        in this order; the first is the one every page’s footer offers.{' '}
        <Link href="/admin/newsletters/issues" className="text-navy underline">
          Write and send issues
        </Link>
        .
        {isAdmin && (
          <>
            {' '}
            <Link href="/admin/newsletters/subscribers" className="text-navy underline">
              See the subscribers
            </Link>{' '}
            or{' '}
            <Link href="/admin/newsletters/suppressions" className="text-navy underline">
              the suppression list
            </Link>
            .
          </>
        )}
      </p>
      {lists.length === 0 ? (
        <div className="mt-8">
          <EmptyState title="No newsletters yet">
            Create one, and readers can sign up for it on every page.
          </EmptyState>
        </div>
      ) : (
        <ScrollingTable className="mt-8">
          <caption className="sr-only">Newsletters</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                Position
              </th>
              <th scope="col" className="py-2 pr-4">
                Name
              </th>
              <th scope="col" className="py-2 pr-4">
                Sent as
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Subscribed
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Waiting to confirm
              </th>
              <th scope="col" className="py-2 text-right">
                Unsubscribed
              </th>
            </tr>
          </thead>
          <tbody>
            {lists.map((list) => (
              <tr key={list.id} className="border-b border-rule align-middle">
                <td className="py-2 pr-4">{list.position}</td>
                <td className="py-2 pr-4">
                  <Link
                    href={`/admin/newsletters/${list.id}`}
                    className="font-semibold text-navy underline"
                  >
                    {list.name}
                  </Link>
                  {list.archived && <span className="text-sm text-muted"> (retired)</span>}
                </td>
                <td className="py-2 pr-4">{kindLabels[list.kind]}</td>
                <td className="py-2 pr-4 text-right">{formatCount(list.subscribed)}</td>
                <td className="py-2 pr-4 text-right">{formatCount(list.pending)}</td>
                <td className="py-2 text-right">{formatCount(list.unsubscribed)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </div>
  );
}
