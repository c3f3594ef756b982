import Link from 'next/link';
import { ScrollingTable } from '@/components/ui/scrolling-table';
import type { IssueSummary } from '@/lib/newsletters/issue-admin';
import { DateTime } from './date-time';

type Row = Omit<IssueSummary, 'listId' | 'finishedAt'>;
type IssueStatus = IssueSummary['status'];

export const issueStatusLabels: Record<IssueStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  sending: 'Sending',
  sent: 'Sent',
};

const formatCount = (n: number) => n.toLocaleString('en-GB');

/** When an issue went, goes, or was last worked on, by where it stands. */
function When({ row }: { row: Row }) {
  if (row.startedAt) return <DateTime value={row.startedAt} />;
  if (row.scheduledAt) return <DateTime value={row.scheduledAt} />;
  return (
    <span className="text-muted">
      edited <DateTime value={row.updatedAt} />
    </span>
  );
}

/** Issues with their recipients counted by state: what each send did. */
export function IssueTable({ rows, caption }: { rows: Row[]; caption: string }) {
  const headings = ['Waiting', 'Sent', 'Failed', 'Suppressed'];
  return (
    <ScrollingTable>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-ink">
          <th scope="col" className="py-2 pr-4">
            Subject
          </th>
          <th scope="col" className="py-2 pr-4">
            Newsletter
          </th>
          <th scope="col" className="py-2 pr-4">
            State
          </th>
          <th scope="col" className="py-2 pr-4">
            When
          </th>
          {headings.map((heading) => (
            <th key={heading} scope="col" className="py-2 pr-4 text-right last:pr-0">
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-b border-rule align-top">
            <td className="py-2 pr-4">
              <Link
                href={`/admin/newsletters/issues/${row.id}`}
                className="font-semibold text-navy underline"
              >
                {row.subject}
              </Link>
              {row.automatic && (
                <span className="block text-sm text-muted">Sent automatically</span>
              )}
            </td>
            <td className="py-2 pr-4">{row.listName}</td>
            <td className="py-2 pr-4">{issueStatusLabels[row.status]}</td>
            <td className="py-2 pr-4 whitespace-nowrap">
              <When row={row} />
            </td>
            <td className="py-2 pr-4 text-right">
              {formatCount(row.counts.queued + row.counts.sending)}
            </td>
            <td className="py-2 pr-4 text-right">{formatCount(row.counts.sent)}</td>
            <td className="py-2 pr-4 text-right">{formatCount(row.counts.failed)}</td>
            <td className="py-2 text-right">{formatCount(row.counts.suppressed)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}
