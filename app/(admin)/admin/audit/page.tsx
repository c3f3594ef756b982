import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, redirect } from 'next/navigation';
import { SelectField } from '@/components/admin/select-field';
import { EmptyState } from '@/components/ui/empty-state';
import { pageHref, Pagination } from '@/components/ui/pagination';
import { listAuditActions, listAuditLog } from '@/lib/admin/audit';
import { checkRole } from '@/lib/auth/viewer';
import { ScrollingTable } from '@/components/ui/scrolling-table';
import { formatMoment } from '@/lib/time/london';

export const metadata: Metadata = { title: 'Audit log', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AdminAuditPage({ searchParams }: Props) {
  const access = await checkRole(['admin']);
  if (!access.ok) {
    if (access.reason === 'signed-out') redirect('/login?callbackUrl=%2Fadmin%2Faudit');
    forbidden();
  }
  const raw = await searchParams;
  const [log, actions] = await Promise.all([
    listAuditLog(access.user, raw),
    listAuditActions(access.user),
  ]);
  const { action, actorId } = log.query;
  const actorEmail = actorId && log.items[0]?.actorEmail;
  return (
    <div className="py-8">
      <h1 className="font-serif text-4xl font-semibold">Audit log</h1>
      <p className="mt-3 text-muted">Every change and export made by an editor or administrator.</p>
      <form
        method="get"
        aria-label="Filter the audit log"
        className="mt-6 flex flex-wrap items-end gap-4"
      >
        {actorId && <input type="hidden" name="actorId" value={actorId} />}
        <SelectField
          name="action"
          label="Action"
          options={[['', 'All actions'], ...actions.map((name) => [name, name] as const)]}
          defaultValue={action ?? ''}
        />
        <button
          type="submit"
          className="rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep"
        >
          Show
        </button>
        {(action || actorId) && (
          <Link href="/admin/audit" className="py-2 font-semibold text-accent underline">
            Clear filters
          </Link>
        )}
      </form>
      {actorId && <p className="mt-4">Showing only what {actorEmail || 'one account'} did.</p>}
      {log.items.length === 0 ? (
        <div className="mt-8">
          <EmptyState title="Nothing recorded matches" />
        </div>
      ) : (
        <ScrollingTable className="mt-8">
          <caption className="mb-2 text-left font-semibold">
            Audit log, newest first (page {log.page} of {log.pageCount})
          </caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                When
              </th>
              <th scope="col" className="py-2 pr-4">
                Who
              </th>
              <th scope="col" className="py-2 pr-4">
                Action
              </th>
              <th scope="col" className="py-2 pr-4">
                Subject
              </th>
              <th scope="col" className="py-2">
                Detail
              </th>
            </tr>
          </thead>
          <tbody>
            {log.items.map((entry) => (
              <tr key={entry.id} className="border-b border-rule align-top">
                <td className="py-2 pr-4 whitespace-nowrap">
                  <time dateTime={entry.createdAt}>{formatMoment(entry.createdAt)}</time>
                </td>
                <td className="py-2 pr-4">
                  {entry.actorId && entry.actorEmail ? (
                    <Link
                      href={pageHref('/admin/audit', 1, { actorId: entry.actorId, action })}
                      className="text-accent underline"
                    >
                      {entry.actorEmail}
                      <span className="sr-only">: show only their actions</span>
                    </Link>
                  ) : (
                    <span className="text-muted">
                      No account (the system, or one since deleted)
                    </span>
                  )}
                </td>
                <td className="py-2 pr-4 font-mono">{entry.action}</td>
                <td className="py-2 pr-4">
                  {entry.subjectType}
                  {entry.subjectId && (
                    <span className="block break-all text-muted">{entry.subjectId}</span>
                  )}
                </td>
                <td className="py-2">
                  <code className="break-all text-xs">{JSON.stringify(entry.detail)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <Pagination
        page={log.page}
        pageCount={log.pageCount}
        basePath="/admin/audit"
        query={{ action, actorId }}
      />
    </div>
  );
}
