import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { IssueTable } from '@/components/admin/issue-table';
import { listIssues } from '@/lib/newsletters/issue-admin';
import { getNewsletterList, listSources } from '@/lib/newsletters/list-admin';
import { requireStaff } from '../../staff';
import { NewsletterListForm } from '../list-form.client';

export const metadata: Metadata = { title: 'Edit newsletter', robots: { index: false } };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function EditNewsletterListPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireStaff(`/admin/newsletters/${id}`);
  const [list, sources, issues, query] = await Promise.all([
    getNewsletterList(id),
    listSources(),
    listIssues({ listId: id, limit: 20 }),
    searchParams,
  ]);
  if (!list) notFound();
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/newsletters" className="text-navy underline">
          Newsletters
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">Edit {list.name}</h1>
      <NewsletterListForm
        id={list.id}
        notice={query.created === '1' ? 'Newsletter created.' : undefined}
        values={{
          name: list.name,
          slug: list.slug,
          description: list.description,
          cadence: list.cadence,
          kind: list.kind,
          seriesId: list.seriesId ?? '',
          topicId: list.topicId ?? '',
          archived: list.archived ? 'on' : '',
          softOptIn: list.softOptIn ? 'on' : '',
          position: String(list.position),
        }}
        series={sources.series}
        topics={sources.topics}
      />
      <section aria-labelledby="list-sends-heading" className="mt-12">
        <div className="flex flex-wrap items-baseline justify-between gap-4">
          <h2 id="list-sends-heading" className="font-serif text-2xl font-semibold">
            Issues and sends
          </h2>
          {!list.archived && (
            <Link
              href={`/admin/newsletters/issues/new?list=${list.id}`}
              className="rounded border border-navy px-4 py-2 font-semibold text-navy"
            >
              Write an issue for {list.name}
            </Link>
          )}
        </div>
        <div className="mt-4">
          {issues.length === 0 ? (
            <p className="text-muted">Nothing has been written or sent to this list yet.</p>
          ) : (
            <IssueTable rows={issues} caption={`Issues of ${list.name}`} />
          )}
        </div>
      </section>
    </div>
  );
}
