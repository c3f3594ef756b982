import type { Metadata } from 'next';
import Link from 'next/link';
import { IssueTable } from '@/components/admin/issue-table';
import { EmptyState } from '@/components/ui/empty-state';
import { listIssues } from '@/lib/newsletters/issue-admin';
import { requireStaff } from '../../staff';

export const metadata: Metadata = { title: 'Newsletter issues', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function NewsletterIssuesPage({ searchParams }: Props) {
  await requireStaff('/admin/newsletters/issues');
  const [issues, query] = await Promise.all([listIssues(), searchParams]);
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/newsletters" className="text-navy underline">
          Newsletters
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-4xl font-semibold">Newsletter issues</h1>
        <Link
          href="/admin/newsletters/issues/new"
          className="rounded bg-navy px-4 py-2 font-semibold text-white"
        >
          Write an issue
        </Link>
      </div>
      <p className="mt-2 text-muted">
        Drafts and scheduled issues first, then what has been sent, newest first, with its
        recipients counted as the send goes.
      </p>
      {query.deleted === '1' && (
        <p role="status" className="mt-6 rounded border border-navy bg-white px-4 py-3 text-navy">
          The issue was deleted.
        </p>
      )}
      <div className="mt-8">
        {issues.length === 0 ? (
          <EmptyState title="No issues yet">
            Write one: choose a newsletter, a subject and the pieces it carries, see it as members
            and others will, send yourself a test, then send it or set a time.
          </EmptyState>
        ) : (
          <IssueTable rows={issues} caption="Newsletter issues" />
        )}
      </div>
    </div>
  );
}
