import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DateTime } from '@/components/admin/date-time';
import { DeleteForm } from '@/components/admin/delete-form.client';
import { issueStatusLabels } from '@/components/admin/issue-table';
import { RefreshEvery } from '@/components/admin/refresh-every.client';
import { getIssue, issueLists, pieceChoices, previewIssue } from '@/lib/newsletters/issue-admin';
import { maxIssuePieces } from '@/lib/newsletters/issue-input';
import { formatMoment, toLondonInput } from '@/lib/time/london';
import { requireStaff } from '../../../staff';
import { deleteIssueAction } from '../actions';
import { IssueForm } from '../issue-form.client';
import { IssuePreview } from '../issue-preview.client';
import { pieceOptions } from '../piece-options';
import { ScheduleForm, SendNowForm, TestSendForm } from '../send-panel.client';

export const metadata: Metadata = { title: 'Newsletter issue', robots: { index: false } };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const formatCount = (n: number) => n.toLocaleString('en-GB');

// Tomorrow at nine, London time: the hour most issues go out.
function suggestedTime(): string {
  const tomorrow = toLondonInput(new Date(Date.now() + 24 * 60 * 60_000));
  return `${tomorrow.slice(0, 10)}T09:00`;
}

export default async function IssuePage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireStaff(`/admin/newsletters/issues/${id}`);
  const [issue, query] = await Promise.all([getIssue(id), searchParams]);
  if (!issue) notFound();
  const editable = issue.status === 'draft' || issue.status === 'scheduled';
  const [lists, pieces, preview] = await Promise.all([
    editable ? issueLists() : Promise.resolve([]),
    editable ? pieceChoices(issue.articleIds) : Promise.resolve([]),
    previewIssue(issue.id),
  ]);
  const { counts } = issue;
  const waiting = counts.queued + counts.sending;
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/newsletters/issues" className="text-navy underline">
          Newsletter issues
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-4xl font-semibold">{issue.subject}</h1>
      <p className="mt-2 text-muted">
        {issueStatusLabels[issue.status]} · {issue.listName}
        {issue.automatic && ' · sent automatically'}
      </p>

      {!editable && (
        <section aria-labelledby="issue-send-heading" className="mt-8 max-w-3xl">
          <h2 id="issue-send-heading" className="font-serif text-2xl font-semibold">
            The send
          </h2>
          {issue.status === 'sending' && <RefreshEvery seconds={5} />}
          {query.started === '1' && (
            <p
              role="status"
              className="mt-4 rounded border border-navy bg-white px-4 py-3 text-navy"
            >
              Sending to {formatCount(waiting + counts.sent + counts.failed)}{' '}
              {waiting + counts.sent + counts.failed === 1 ? 'subscriber' : 'subscribers'}. The
              figures below follow it as it goes.
            </p>
          )}
          <p className="mt-2">
            Started <DateTime value={issue.startedAt!} />
            {issue.finishedAt && (
              <>
                ; finished <DateTime value={issue.finishedAt} />
              </>
            )}
            . Its recipients were fixed when it started: people who subscribed since wait for the
            next issue.
          </p>
          <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
            {[
              ['Waiting', waiting],
              ['Sent', counts.sent],
              ['Failed', counts.failed],
              ['Suppressed', counts.suppressed],
            ].map(([label, n]) => (
              <div key={label} className="rounded border border-rule bg-white px-4 py-3">
                <dt className="text-sm text-muted">{label}</dt>
                <dd className="text-2xl font-semibold">{formatCount(Number(n))}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 text-sm text-muted">
            Suppressed: on the suppression list, or unsubscribed before their turn, so nothing was
            sent. Failed: refused by their mail server, or undeliverable after a day of retries; a
            refusal puts the address on the suppression list.
          </p>
          {issue.failures.length > 0 && (
            <details className="mt-4 rounded border border-rule bg-white px-4 py-3">
              <summary className="cursor-pointer font-semibold">
                Failed recipients{issue.failures.length === 50 ? ' (the first 50)' : ''}
              </summary>
              <ul className="mt-3 space-y-2 text-sm">
                {issue.failures.map((failure) => (
                  <li key={failure.email}>
                    <span className="font-semibold">{failure.email}</span>
                    {failure.error && <span className="block text-muted">{failure.error}</span>}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}

      {editable && (
        <section aria-labelledby="issue-edit-heading" className="mt-8">
          <h2 id="issue-edit-heading" className="sr-only">
            The issue
          </h2>
          <IssueForm
            id={issue.id}
            notice={query.created === '1' ? 'Draft saved. The preview below shows it.' : undefined}
            values={{
              listId: issue.listId,
              subject: issue.subject,
              preheader: issue.preheader,
              intro: issue.intro,
              articleIds: issue.articleIds.join(','),
            }}
            lists={lists}
            pieces={pieceOptions(pieces)}
            maxPieces={maxIssuePieces}
          />
        </section>
      )}

      {preview && (
        <section aria-labelledby="issue-preview-heading" className="mt-12">
          <h2 id="issue-preview-heading" className="font-serif text-2xl font-semibold">
            Preview
          </h2>
          <p className="mt-1 mb-4 text-muted">
            {editable ? 'As last saved. ' : ''}Subject: “{preview.member.subject}”. The unsubscribe
            and preferences links are each recipient’s own.
          </p>
          <IssuePreview
            subject={preview.member.subject}
            member={preview.member}
            reader={preview.reader}
          />
        </section>
      )}

      {editable && (
        <section aria-labelledby="issue-sending-heading" className="mt-12 max-w-3xl space-y-8">
          <h2 id="issue-sending-heading" className="font-serif text-2xl font-semibold">
            Test and send
          </h2>
          <TestSendForm id={issue.id} email={user.email} />
          <div className="space-y-3">
            <p>
              {issue.listArchived
                ? `${issue.listName} is retired: choose another newsletter to send this to.`
                : `${formatCount(issue.recipients)} confirmed ${issue.recipients === 1 ? 'subscriber' : 'subscribers'} of ${issue.listName} would get it now (suppressed addresses left out). Whoever subscribes before it goes gets it too.`}
            </p>
            <SendNowForm id={issue.id} subject={issue.subject} recipients={issue.recipients} />
          </div>
          <ScheduleForm
            id={issue.id}
            scheduledFor={issue.scheduledAt ? formatMoment(issue.scheduledAt) : null}
            defaultTime={issue.scheduledAt ? toLondonInput(issue.scheduledAt) : suggestedTime()}
          />
          <DeleteForm
            action={deleteIssueAction}
            id={issue.id}
            label={issue.status === 'scheduled' ? 'Delete this issue' : 'Delete this draft'}
          />
        </section>
      )}
    </div>
  );
}
