import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import {
  articles,
  newsletterDeliveries,
  newsletterIssueArticles,
  newsletterIssues,
  newsletterLists,
  newsletterSubscribers,
  newsletterSubscriptions,
  newsletterSuppressions,
  users,
  type ArticleKind,
  type ArticleVisibility,
  type DeliveryStatus,
  type IssueStatus,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/who';
import { getSiteConfig } from '@/lib/config/site';
import { isLive } from '@/lib/content/access';
import { isId } from '@/lib/editorial/article-record';
import { recordAudit } from '@/lib/editorial/audit';
import { invalid, notFound, type Invalid, type NotFound } from '@/lib/editorial/results';
import { editorialWrite } from '@/lib/editorial/transaction';
import { enqueueEmail } from '@/lib/email/outbox';
import { fromLondonInput } from '@/lib/time/london';
import { fieldErrors } from '@/lib/validation/form';
import { readIssueContent, startIssueSendIn, type StartResult } from './delivery';
import { personalise, renderIssue, type IssueContent } from './issue-email';
import { issueInputSchema, type IssueInput } from './issue-input';

// The reads are for the admin's pages, which check the reader's role (requireStaff); every
// write re-checks it inside its transaction (editorialWrite).

export type DeliveryCounts = Record<DeliveryStatus, number>;

export interface IssueSummary {
  id: string;
  subject: string;
  status: IssueStatus;
  listId: string;
  listName: string;
  automatic: boolean;
  scheduledAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
  counts: DeliveryCounts;
}

const emptyCounts = (): DeliveryCounts => ({
  queued: 0,
  sending: 0,
  sent: 0,
  failed: 0,
  suppressed: 0,
});

/** The newest issues, of one list or all, with their recipients counted by state. */
export async function listIssues({
  listId,
  limit = 100,
}: { listId?: string; limit?: number } = {}): Promise<IssueSummary[]> {
  if (listId !== undefined && !isId(listId)) return [];
  const db = getDb();
  const rows = await db
    .select({
      id: newsletterIssues.id,
      subject: newsletterIssues.subject,
      status: newsletterIssues.status,
      listId: newsletterIssues.listId,
      listName: newsletterLists.name,
      reference: newsletterIssues.reference,
      scheduledAt: newsletterIssues.scheduledAt,
      startedAt: newsletterIssues.startedAt,
      finishedAt: newsletterIssues.finishedAt,
      updatedAt: newsletterIssues.updatedAt,
    })
    .from(newsletterIssues)
    .innerJoin(newsletterLists, eq(newsletterLists.id, newsletterIssues.listId))
    .where(listId ? eq(newsletterIssues.listId, listId) : undefined)
    .orderBy(
      // Drafts and scheduled issues first, as they are what an editor is working on.
      sql`${newsletterIssues.startedAt} is not null`,
      desc(sql`coalesce(${newsletterIssues.startedAt}, ${newsletterIssues.updatedAt})`),
    )
    .limit(limit);
  const counts = await deliveryCounts(
    db,
    rows.map((row) => row.id),
  );
  return rows.map(({ reference, ...row }) => ({
    ...row,
    automatic: reference !== null,
    counts: counts.get(row.id) ?? emptyCounts(),
  }));
}

async function deliveryCounts(
  db: Database | Transaction,
  issueIds: string[],
): Promise<Map<string, DeliveryCounts>> {
  const counts = new Map<string, DeliveryCounts>();
  if (!issueIds.length) return counts;
  const rows = await db
    .select({
      issueId: newsletterDeliveries.issueId,
      status: newsletterDeliveries.status,
      n: count(),
    })
    .from(newsletterDeliveries)
    .where(inArray(newsletterDeliveries.issueId, issueIds))
    .groupBy(newsletterDeliveries.issueId, newsletterDeliveries.status);
  for (const row of rows) {
    const of = counts.get(row.issueId) ?? emptyCounts();
    of[row.status] = row.n;
    counts.set(row.issueId, of);
  }
  return counts;
}

export interface PieceChoice {
  id: string;
  title: string;
  kind: ArticleKind;
  visibility: ArticleVisibility;
  publishedAt: Date | null;
  live: boolean;
}

const pieceChoiceColumns = {
  id: articles.id,
  title: articles.title,
  kind: articles.kind,
  visibility: articles.visibility,
  publishedAt: articles.publishedAt,
  live: sql<boolean>`${isLive()}`,
};

/**
 * The pieces an issue may carry: the newest live ones, and any already chosen, so that a piece
 * unpublished since it was chosen still shows, marked, rather than vanishing from the form.
 */
export async function pieceChoices(chosen: string[] = []): Promise<PieceChoice[]> {
  const db = getDb();
  const recent = await db
    .select(pieceChoiceColumns)
    .from(articles)
    .where(isLive())
    .orderBy(desc(articles.publishedAt))
    .limit(150);
  const missing = chosen.filter((id) => isId(id) && !recent.some((row) => row.id === id));
  const older = missing.length
    ? await db.select(pieceChoiceColumns).from(articles).where(inArray(articles.id, missing))
    : [];
  return [...recent, ...older];
}

export interface IssueDetail extends IssueSummary {
  preheader: string;
  intro: string;
  articleIds: string[];
  listArchived: boolean;
  /** Who gets it if it is sent now: the list's confirmed subscribers, less suppressed ones. */
  recipients: number;
  failures: { email: string; error: string | null }[];
}

export async function getIssue(id: string): Promise<IssueDetail | null> {
  if (!isId(id)) return null;
  const db = getDb();
  const [row] = await db
    .select({
      issue: newsletterIssues,
      listName: newsletterLists.name,
      listArchived: newsletterLists.archived,
    })
    .from(newsletterIssues)
    .innerJoin(newsletterLists, eq(newsletterLists.id, newsletterIssues.listId))
    .where(eq(newsletterIssues.id, id));
  if (!row) return null;
  const { issue } = row;
  const [pieces, counts, recipients, failures] = await Promise.all([
    db
      .select({ id: newsletterIssueArticles.articleId })
      .from(newsletterIssueArticles)
      .where(eq(newsletterIssueArticles.issueId, id))
      .orderBy(asc(newsletterIssueArticles.position)),
    deliveryCounts(db, [id]),
    issue.startedAt ? Promise.resolve(0) : countRecipients(db, issue.listId),
    db
      .select({ email: newsletterDeliveries.email, error: newsletterDeliveries.lastError })
      .from(newsletterDeliveries)
      .where(and(eq(newsletterDeliveries.issueId, id), eq(newsletterDeliveries.status, 'failed')))
      .orderBy(asc(newsletterDeliveries.email))
      .limit(50),
  ]);
  return {
    id: issue.id,
    subject: issue.subject,
    preheader: issue.preheader,
    intro: issue.intro,
    status: issue.status,
    listId: issue.listId,
    listName: row.listName,
    listArchived: row.listArchived,
    automatic: issue.reference !== null,
    scheduledAt: issue.scheduledAt,
    startedAt: issue.startedAt,
    finishedAt: issue.finishedAt,
    updatedAt: issue.updatedAt,
    articleIds: pieces.map((piece) => piece.id),
    counts: counts.get(id) ?? emptyCounts(),
    recipients,
    failures,
  };
}

/** The lists an editor may write an issue for: every list still offered. */
export async function issueLists(): Promise<{ id: string; name: string }[]> {
  return getDb()
    .select({ id: newsletterLists.id, name: newsletterLists.name })
    .from(newsletterLists)
    .where(eq(newsletterLists.archived, false))
    .orderBy(asc(newsletterLists.position), asc(newsletterLists.name));
}

async function countRecipients(db: Database | Transaction, listId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(newsletterSubscriptions)
    .innerJoin(
      newsletterSubscribers,
      eq(newsletterSubscribers.id, newsletterSubscriptions.subscriberId),
    )
    .where(
      and(
        eq(newsletterSubscriptions.listId, listId),
        eq(newsletterSubscriptions.status, 'subscribed'),
        notExists(
          db
            .select({ email: newsletterSuppressions.email })
            .from(newsletterSuppressions)
            .where(eq(newsletterSuppressions.email, newsletterSubscribers.email)),
        ),
      ),
    );
  return row?.n ?? 0;
}

export type Started = { ok: false; reason: 'started' };
const started: Started = { ok: false, reason: 'started' };

export type IssueSaveResult = { ok: true; id: string } | Invalid | NotFound | Started;

/**
 * Writes a draft, or changes one not yet sent (a scheduled one keeps its time). The pieces must
 * be live: an issue links to them.
 */
export async function saveIssue(
  actor: Actor,
  id: string | null,
  input: IssueInput,
): Promise<IssueSaveResult> {
  return editorialWrite(actor, async (tx): Promise<IssueSaveResult> => {
    const parsed = issueInputSchema.safeParse(input);
    if (!parsed.success) return invalid(fieldErrors(parsed.error));
    const { articleIds, ...fields } = parsed.data;
    if (id !== null) {
      const locked = await lockUnsent(tx, id);
      if (!locked.ok) return locked;
    }
    const [list] = await tx
      .select({ archived: newsletterLists.archived })
      .from(newsletterLists)
      .where(eq(newsletterLists.id, fields.listId));
    if (!list) return invalid({ listId: 'That newsletter no longer exists. Choose another.' });
    if (list.archived) {
      return invalid({ listId: 'That newsletter is retired: nobody would get the issue.' });
    }
    if (articleIds.length) {
      const live = await tx
        .select({ id: articles.id })
        .from(articles)
        .where(and(inArray(articles.id, articleIds), isLive()));
      if (live.length !== articleIds.length) {
        return invalid({
          articleIds:
            'A piece you chose is not published (or was unpublished meanwhile). Remove it, or publish it first.',
        });
      }
    }
    let savedId: string;
    if (id !== null) {
      await tx.update(newsletterIssues).set(fields).where(eq(newsletterIssues.id, id));
      await tx.delete(newsletterIssueArticles).where(eq(newsletterIssueArticles.issueId, id));
      savedId = id;
    } else {
      const [row] = await tx
        .insert(newsletterIssues)
        .values({ ...fields, createdById: actor.id })
        .returning({ id: newsletterIssues.id });
      savedId = row!.id;
    }
    if (articleIds.length) {
      await tx
        .insert(newsletterIssueArticles)
        .values(
          articleIds.map((articleId, position) => ({ issueId: savedId, articleId, position })),
        );
    }
    await recordAudit(tx, actor, `newsletter_issue.${id ? 'updated' : 'created'}`, savedId, {
      subject: fields.subject,
      listId: fields.listId,
      pieces: articleIds.length,
    });
    return { ok: true, id: savedId };
  });
}

/** Locks an issue that has not started sending, for a change. */
async function lockUnsent(
  tx: Transaction,
  id: string,
): Promise<{ ok: true; status: IssueStatus } | NotFound | Started> {
  if (!isId(id)) return notFound;
  const [row] = await tx
    .select({ status: newsletterIssues.status })
    .from(newsletterIssues)
    .where(eq(newsletterIssues.id, id))
    .for('update');
  if (!row) return notFound;
  if (row.status !== 'draft' && row.status !== 'scheduled') return started;
  return { ok: true, status: row.status };
}

export type ScheduleResult = { ok: true; at: Date } | Invalid | NotFound | Started;

// Far enough ahead that the editor can still change their mind; not so far that the list has
// changed beyond recognition.
const minLeadMs = 2 * 60_000;
const maxLeadMs = 366 * 24 * 60 * 60_000;

/** Sets an unsent issue to go at a time given on a London clock (a datetime-local value). */
export async function scheduleIssue(
  actor: Actor,
  id: string,
  sendAt: string,
  now = new Date(),
): Promise<ScheduleResult> {
  const at = fromLondonInput(sendAt);
  if (!at) return invalid({ sendAt: 'Give a day and time, such as 09:00 on a date to come.' });
  if (at.getTime() < now.getTime() + minLeadMs) {
    return invalid({ sendAt: 'Choose a time at least two minutes from now, or send it now.' });
  }
  if (at.getTime() > now.getTime() + maxLeadMs) {
    return invalid({ sendAt: 'Choose a time within the coming year.' });
  }
  return editorialWrite(actor, async (tx): Promise<ScheduleResult> => {
    const locked = await lockUnsent(tx, id);
    if (!locked.ok) return locked;
    const problem = await sendProblem(tx, id);
    if (problem) return invalid({ sendAt: problem });
    await tx
      .update(newsletterIssues)
      .set({ status: 'scheduled', scheduledAt: at })
      .where(eq(newsletterIssues.id, id));
    await recordAudit(tx, actor, 'newsletter_issue.scheduled', id, { at: at.toISOString() });
    return { ok: true, at };
  });
}

/** What would stop an issue from being sent, in the editor's words, or null. */
async function sendProblem(tx: Transaction, id: string): Promise<string | null> {
  const [issue] = await tx
    .select({ intro: newsletterIssues.intro, archived: newsletterLists.archived })
    .from(newsletterIssues)
    .innerJoin(newsletterLists, eq(newsletterLists.id, newsletterIssues.listId))
    .where(eq(newsletterIssues.id, id));
  if (issue?.archived) return 'Its newsletter is retired: nobody would get it.';
  const pieces = await tx
    .select({ live: sql<boolean>`${isLive()}` })
    .from(newsletterIssueArticles)
    .innerJoin(articles, eq(articles.id, newsletterIssueArticles.articleId))
    .where(eq(newsletterIssueArticles.issueId, id));
  if (pieces.some((piece) => !piece.live)) {
    return 'A piece in it is no longer published: remove it, or publish it again, and save.';
  }
  if (!pieces.length && !issue?.intro.trim()) return 'It has nothing in it yet.';
  return null;
}

export type UnscheduleResult = { ok: true } | NotFound | Started;

/** Takes a scheduled issue back to a draft. */
export async function unscheduleIssue(actor: Actor, id: string): Promise<UnscheduleResult> {
  return editorialWrite(actor, async (tx): Promise<UnscheduleResult> => {
    const locked = await lockUnsent(tx, id);
    if (!locked.ok) return locked;
    if (locked.status === 'scheduled') {
      await tx
        .update(newsletterIssues)
        .set({ status: 'draft', scheduledAt: null })
        .where(eq(newsletterIssues.id, id));
      await recordAudit(tx, actor, 'newsletter_issue.unscheduled', id, {});
    }
    return { ok: true };
  });
}

export type SendNowResult = StartResult | { ok: false; reason: 'unsendable'; message: string };

/** Starts sending an issue at once: its recipients are fixed as this transaction commits. */
export async function sendIssueNow(actor: Actor, id: string): Promise<SendNowResult> {
  if (!isId(id)) return { ok: false, reason: 'not-found' };
  return editorialWrite(actor, async (tx): Promise<SendNowResult> => {
    const locked = await lockUnsent(tx, id);
    if (!locked.ok)
      return { ok: false, reason: locked.reason === 'started' ? 'already-started' : 'not-found' };
    const problem = await sendProblem(tx, id);
    if (problem) return { ok: false, reason: 'unsendable', message: problem };
    const result = await startIssueSendIn(tx, id);
    if (result.ok) {
      await recordAudit(tx, actor, 'newsletter_issue.sent', id, {
        recipients: result.recipients,
        suppressed: result.suppressed,
      });
    }
    return result;
  });
}

export type DeleteIssueResult = { ok: true } | NotFound | Started;

/** Deletes a draft or scheduled issue; one that has started is a record of what was sent. */
export async function deleteIssue(actor: Actor, id: string): Promise<DeleteIssueResult> {
  return editorialWrite(actor, async (tx): Promise<DeleteIssueResult> => {
    const locked = await lockUnsent(tx, id);
    if (!locked.ok) return locked;
    const [row] = await tx
      .delete(newsletterIssues)
      .where(eq(newsletterIssues.id, id))
      .returning({ subject: newsletterIssues.subject });
    await recordAudit(tx, actor, 'newsletter_issue.deleted', id, { subject: row?.subject });
    return { ok: true };
  });
}

/** One copy of an issue, for a member (who may read every piece) or for anyone else. */
interface SampleCopy {
  subject: string;
  html: string;
  text: string;
}

/**
 * The member's copy and, when the issue has members-only pieces, everyone else's; the links
 * that are each recipient's own point at the newsletters page.
 */
function sampleCopies(content: IssueContent): { member: SampleCopy; reader: SampleCopy | null } {
  const restricted = content.pieces.filter((piece) => piece.visibility !== 'public');
  const sample = `${getSiteConfig().url}/newsletters`;
  const copy = (readable: Set<string>): SampleCopy => {
    const template = renderIssue(content, readable);
    return {
      subject: template.subject,
      ...personalise(template, { unsubscribe: sample, preferences: sample }),
    };
  };
  return {
    member: copy(new Set(restricted.map((piece) => piece.id))),
    reader: restricted.length ? copy(new Set()) : null,
  };
}

/**
 * An issue as a member and, when it has members-only pieces, as anyone else would get it, from
 * one read of the issue. Links open outside the frame the admin shows it in.
 */
export async function previewIssue(
  id: string,
): Promise<{ member: SampleCopy; reader: SampleCopy | null } | null> {
  if (!isId(id)) return null;
  const content = await readIssueContent(getDb(), id);
  if (!content) return null;
  const { member, reader } = sampleCopies(content);
  const framed = (copy: SampleCopy) => ({
    ...copy,
    html: copy.html.replace('<head>', '<head>\n<base target="_blank">'),
  });
  return { member: framed(member), reader: reader && framed(reader) };
}

export type TestSendResult = { ok: true; to: string; emails: string[] } | NotFound;

/**
 * Sends the editor the issue as it stands, to their own address: as a member gets it and, when
 * it has members' pieces, as everyone else does. Nothing changes for the issue's recipients.
 */
export async function sendTestIssue(actor: Actor, id: string): Promise<TestSendResult> {
  if (!isId(id)) return notFound;
  return editorialWrite(actor, async (tx): Promise<TestSendResult> => {
    const [user] = await tx
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.id, actor.id), isNull(users.disabledAt)));
    const content = await readIssueContent(tx, id);
    if (!user || !content) return notFound;
    const { member, reader } = sampleCopies(content);
    const versions: [string, SampleCopy][] = [['as a member', member]];
    if (reader) versions.push(['as a non-member', reader]);
    const emails: string[] = [];
    for (const [label, { subject, text, html }] of versions) {
      emails.push(
        await enqueueEmail(
          tx,
          { to: user.email, subject: `[Test ${label}] ${subject}`, text, html },
          'newsletter_test',
        ),
      );
    }
    await recordAudit(tx, actor, 'newsletter_issue.tested', id, { to: user.email });
    return { ok: true, to: user.email, emails };
  });
}
