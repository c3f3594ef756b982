// No 'server-only' here: the worker (scripts/worker.ts) runs this.
import { and, asc, eq, gte, inArray, lt, lte, notExists, sql, type SQL } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import {
  articleAuthors,
  articles,
  articleTiers,
  authors,
  memberships,
  newsletterDeliveries,
  newsletterIssueArticles,
  newsletterIssues,
  newsletterLists,
  newsletterSubscribers,
  newsletterSubscriptions,
  newsletterSuppressions,
  users,
  type NewsletterDelivery,
} from '@/db/schema';
import { isLive } from '@/lib/content/access';
import { judgeSendFailure } from '@/lib/email/outbox';
import { mailDomain } from '@/lib/email/message';
import { sendEmail, type EmailMessage } from '@/lib/email/send';
import { standingOf } from '@/lib/membership/standing';
import { getEnv } from '@/lib/platform/env';
import { logger } from '@/lib/platform/log';
import { personalise, renderIssue, type IssueContent, type IssueTemplate } from './issue-email';
import { preferencesUrl, unsubscribeUrl } from './links';

/** Attempts before a recipient is given up: about a day of retries, as for other e-mail. */
export const maxDeliveryAttempts = 30;
// Far longer than a batch takes at the slowest rate allowed: a 'sending' row older than this
// belongs to a sender that died, and another takes it.
const leaseSeconds = 10 * 60;

export type StartResult =
  | { ok: true; recipients: number; suppressed: number }
  | { ok: false; reason: 'not-found' | 'already-started' | 'no-pieces' | 'archived' };

/**
 * Starts sending an issue: in one transaction it becomes `sending` and its recipients are
 * fixed, one row each for every confirmed subscriber of its list at this moment (those on the
 * suppression list recorded as suppressed), with what each may read. Whoever starts it second
 * is told it has started.
 */
export async function startIssueSend(issueId: string): Promise<StartResult> {
  return getDb().transaction((tx) => startIssueSendIn(tx, issueId));
}

/** startIssueSend within the caller's transaction. */
export async function startIssueSendIn(tx: Transaction, issueId: string): Promise<StartResult> {
  const [issue] = await tx
    .select({
      status: newsletterIssues.status,
      intro: newsletterIssues.intro,
      listId: newsletterIssues.listId,
      archived: newsletterLists.archived,
    })
    .from(newsletterIssues)
    .innerJoin(newsletterLists, eq(newsletterLists.id, newsletterIssues.listId))
    .where(eq(newsletterIssues.id, issueId))
    .for('update', { of: newsletterIssues });
  if (!issue) return { ok: false, reason: 'not-found' };
  if (issue.status !== 'draft' && issue.status !== 'scheduled') {
    return { ok: false, reason: 'already-started' };
  }
  if (issue.archived) return { ok: false, reason: 'archived' };
  const pieces = await tx
    .select({ id: articles.id, visibility: articles.visibility })
    .from(newsletterIssueArticles)
    .innerJoin(articles, eq(articles.id, newsletterIssueArticles.articleId))
    .where(and(eq(newsletterIssueArticles.issueId, issueId), isLive()));
  if (!pieces.length && !issue.intro.trim()) return { ok: false, reason: 'no-pieces' };

  await tx
    .update(newsletterIssues)
    .set({ status: 'sending', startedAt: sql`now()`, scheduledAt: null })
    .where(eq(newsletterIssues.id, issueId));
  const suppressed = sql`exists (select 1 from ${newsletterSuppressions} where ${newsletterSuppressions.email} = ${newsletterSubscribers.email})`;
  await tx.execute(sql`
      insert into ${newsletterDeliveries} (issue_id, subscriber_id, email, status)
      select ${issueId}::uuid, ${newsletterSubscribers.id}, ${newsletterSubscribers.email},
        (case when ${suppressed} then 'suppressed' else 'queued' end)::newsletter_delivery_status
      from ${newsletterSubscriptions}
      join ${newsletterSubscribers} on ${newsletterSubscribers.id} = ${newsletterSubscriptions.subscriberId}
      where ${newsletterSubscriptions.listId} = ${issue.listId}
        and ${newsletterSubscriptions.status} = 'subscribed'
      on conflict do nothing`);
  await recordAccess(tx, issueId, pieces);
  const counts = await tx
    .select({ status: newsletterDeliveries.status, n: sql<number>`count(*)::int` })
    .from(newsletterDeliveries)
    .where(eq(newsletterDeliveries.issueId, issueId))
    .groupBy(newsletterDeliveries.status);
  const of = (status: string) => counts.find((row) => row.status === status)?.n ?? 0;
  return { ok: true, recipients: of('queued'), suppressed: of('suppressed') };
}

/**
 * Which of the issue's members-only pieces each recipient may read, by the site's rule
 * (lib/content/access.ts): a verified member any members' piece, a member of one of its tiers
 * a tier piece, staff everything. Recipients without an account, or unverified, read none.
 */
async function recordAccess(
  tx: Transaction,
  issueId: string,
  pieces: { id: string; visibility: string }[],
): Promise<void> {
  const restricted = pieces.filter((piece) => piece.visibility !== 'public');
  if (!restricted.length) return;
  const readers = await tx
    .select({ subscriberId: newsletterDeliveries.subscriberId, userId: users.id, role: users.role })
    .from(newsletterDeliveries)
    .innerJoin(
      newsletterSubscribers,
      eq(newsletterSubscribers.id, newsletterDeliveries.subscriberId),
    )
    .innerJoin(users, eq(users.id, newsletterSubscribers.userId))
    .where(
      and(
        eq(newsletterDeliveries.issueId, issueId),
        eq(newsletterDeliveries.status, 'queued'),
        sql`${users.emailVerified} is not null`,
      ),
    );
  if (!readers.length) return;
  const tierPieces = restricted.filter((piece) => piece.visibility === 'tiers');
  const tiersOfPiece = new Map<string, Set<string>>();
  const tiersOfUser = new Map<string, Set<string>>();
  if (tierPieces.length) {
    for (const row of await tx
      .select()
      .from(articleTiers)
      .where(
        inArray(
          articleTiers.articleId,
          tierPieces.map((piece) => piece.id),
        ),
      )) {
      const set = tiersOfPiece.get(row.articleId) ?? new Set();
      tiersOfPiece.set(row.articleId, set.add(row.tierId));
    }
    const memberIds = readers.filter((r) => r.role === 'member').map((r) => r.userId);
    const now = new Date();
    const graceDays = getEnv().MEMBERSHIP_GRACE_DAYS;
    for (let at = 0; at < memberIds.length; at += 5000) {
      const held = await tx
        .select()
        .from(memberships)
        .where(inArray(memberships.userId, memberIds.slice(at, at + 5000)));
      for (const membership of held) {
        if (!membership.userId || !standingOf(membership, now, graceDays).grantsAccess) continue;
        const set = tiersOfUser.get(membership.userId) ?? new Set();
        tiersOfUser.set(membership.userId, set.add(membership.tierId));
      }
    }
  }
  const byAccess = new Map<string, string[]>();
  for (const reader of readers) {
    const readable = restricted.filter((piece) => {
      if (reader.role !== 'member' || piece.visibility === 'members') return true;
      const held = tiersOfUser.get(reader.userId);
      return [...(tiersOfPiece.get(piece.id) ?? [])].some((tier) => held?.has(tier));
    });
    const access = readable.map((piece) => piece.id).join(',');
    if (!access) continue;
    const group = byAccess.get(access);
    if (group) group.push(reader.subscriberId);
    else byAccess.set(access, [reader.subscriberId]);
  }
  for (const [access, subscriberIds] of byAccess) {
    for (let at = 0; at < subscriberIds.length; at += 5000) {
      await tx
        .update(newsletterDeliveries)
        .set({ access })
        .where(
          and(
            eq(newsletterDeliveries.issueId, issueId),
            inArray(newsletterDeliveries.subscriberId, subscriberIds.slice(at, at + 5000)),
          ),
        );
    }
  }
}

/** Everything an issue's e-mail is made from, as it is when read. */
export async function readIssueContent(
  db: Database | Transaction,
  issueId: string,
): Promise<(IssueContent & { listId: string; listSlug: string }) | null> {
  const [issue] = await db
    .select({
      subject: newsletterIssues.subject,
      preheader: newsletterIssues.preheader,
      intro: newsletterIssues.intro,
      listId: newsletterLists.id,
      listName: newsletterLists.name,
      listSlug: newsletterLists.slug,
    })
    .from(newsletterIssues)
    .innerJoin(newsletterLists, eq(newsletterLists.id, newsletterIssues.listId))
    .where(eq(newsletterIssues.id, issueId));
  if (!issue) return null;
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      kind: articles.kind,
      title: articles.title,
      standfirst: articles.standfirst,
      body: articles.body,
      visibility: articles.visibility,
      publishedAt: articles.publishedAt,
    })
    .from(newsletterIssueArticles)
    .innerJoin(articles, eq(articles.id, newsletterIssueArticles.articleId))
    // A piece unpublished since it was chosen is left out rather than linked to a missing page.
    .where(and(eq(newsletterIssueArticles.issueId, issueId), isLive()))
    .orderBy(asc(newsletterIssueArticles.position), asc(articles.title));
  const bylines = rows.length
    ? await db
        .select({ articleId: articleAuthors.articleId, name: authors.name })
        .from(articleAuthors)
        .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
        .where(
          inArray(
            articleAuthors.articleId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(asc(articleAuthors.position))
    : [];
  return {
    ...issue,
    pieces: rows.map((row) => ({
      ...row,
      authors: bylines.filter((b) => b.articleId === row.id).map((b) => b.name),
    })),
  };
}

/**
 * One recipient's e-mail: the issue as they may read it, with their own unsubscribe link in
 * the body and in List-Unsubscribe (RFC 2369, one-click by RFC 8058), and a Message-ID made
 * from the issue and the recipient, so that a message sent again after a sender died mid-
 * hand-over is the same message to the mail clients that keep one copy of each.
 */
export function issueMessage(
  template: IssueTemplate,
  issue: { id: string; listId: string; listSlug: string; listName: string },
  recipient: { subscriberId: string; email: string },
): EmailMessage {
  const unsubscribe = unsubscribeUrl(recipient.subscriberId, issue.listId);
  const links = { unsubscribe, preferences: preferencesUrl(recipient.subscriberId) };
  const host = mailDomain();
  const mailto = `mailto:${getEnv().PRIVACY_EMAIL}?subject=${encodeURIComponent(`Unsubscribe ${recipient.email} from ${issue.listName}`)}`;
  return {
    to: recipient.email,
    subject: template.subject,
    ...personalise(template, links),
    messageId: `<${issue.id}.${recipient.subscriberId}@${host}>`,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>, <${mailto}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `${issue.listName.replace(/[<>"\r\n]/g, '')} <${issue.listSlug}.${host}>`,
    },
  };
}

interface Rendered {
  issue: { id: string; listId: string; listSlug: string; listName: string };
  templates: Map<string, IssueTemplate>;
  content: IssueContent;
}

// An issue's renderings, per access, for this process: a batch reads the issue once.
const renderings = new Map<string, Rendered>();

async function renderingOf(issueId: string): Promise<Rendered | null> {
  const known = renderings.get(issueId);
  if (known) return known;
  const content = await readIssueContent(getDb(), issueId);
  if (!content) return null;
  const rendered: Rendered = {
    issue: {
      id: issueId,
      listId: content.listId,
      listSlug: content.listSlug,
      listName: content.listName,
    },
    templates: new Map(),
    content,
  };
  if (renderings.size > 20) renderings.clear();
  renderings.set(issueId, rendered);
  return rendered;
}

function templateFor(rendered: Rendered, access: string): IssueTemplate {
  let template = rendered.templates.get(access);
  if (!template) {
    template = renderIssue(rendered.content, new Set(access ? access.split(',') : []));
    rendered.templates.set(access, template);
  }
  return template;
}

/** What one run of the sender did. */
export interface DeliverySummary {
  sent: number;
  retrying: number;
  failed: number;
  suppressed: number;
}

/**
 * Sends the due recipients of every issue being sent, at most `limit` of them, at most `rate`
 * a second (0: no limit), a few at once through the pooled connections. Safe to run in several
 * processes: each recipient is claimed by one (FOR UPDATE SKIP LOCKED) and leased; one whose
 * sender died is taken again when the lease runs out.
 */
export async function deliverNewsletterBatch({
  limit = getEnv().NEWSLETTER_BATCH_SIZE,
  rate = getEnv().NEWSLETTER_RATE,
  concurrency = 4,
}: { limit?: number; rate?: number; concurrency?: number } = {}): Promise<DeliverySummary> {
  const summary: DeliverySummary = { sent: 0, retrying: 0, failed: 0, suppressed: 0 };
  const claimed = await claimRecipients(limit);
  if (!claimed.length) {
    await finishIssues();
    return summary;
  }
  const gone = await markGoneRecipients(claimed);
  summary.suppressed = gone.size;
  const queue = claimed.filter((row) => !gone.has(`${row.issueId}:${row.subscriberId}`));
  const started = Date.now();
  let handed = 0;
  const pace = async () => {
    handed += 1;
    if (rate <= 0) return;
    const due = started + (handed / rate) * 1000;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };
  let next = 0;
  const work = async () => {
    while (next < queue.length) {
      const row = queue[next++]!;
      await pace();
      summary[await deliverOne(row)] += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, work));
  await finishIssues();
  return summary;
}

async function claimRecipients(limit: number): Promise<NewsletterDelivery[]> {
  const d = newsletterDeliveries;
  const candidates = getDb()
    .select({ issueId: d.issueId, subscriberId: d.subscriberId })
    .from(d)
    .where(
      and(
        inArray(d.status, ['queued', 'sending']),
        lte(d.nextAttemptAt, sql`now()`),
        lt(d.attempts, maxDeliveryAttempts),
      ),
    )
    .orderBy(d.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return getDb()
    .update(d)
    .set({
      status: 'sending',
      attempts: sql`${d.attempts} + 1`,
      nextAttemptAt: sql`now() + make_interval(secs => ${leaseSeconds})`,
    })
    .where(sql`(${d.issueId}, ${d.subscriberId}) in (${candidates})`)
    .returning();
}

/**
 * Recipients who unsubscribed or were suppressed after the send started are not sent to: by
 * their turn, their wish is known. Returns them as "issue:subscriber".
 */
async function markGoneRecipients(rows: NewsletterDelivery[]): Promise<Set<string>> {
  const d = newsletterDeliveries;
  const gone = await getDb()
    .update(d)
    .set({ status: 'suppressed' })
    .where(
      and(
        inArrayPairs(rows),
        eq(d.status, 'sending'),
        sql`(exists (select 1 from ${newsletterSuppressions} where ${newsletterSuppressions.email} = ${d.email})
          or not exists (select 1 from ${newsletterSubscriptions}
            join ${newsletterIssues} on ${newsletterIssues.listId} = ${newsletterSubscriptions.listId}
            where ${newsletterIssues.id} = ${d.issueId}
              and ${newsletterSubscriptions.subscriberId} = ${d.subscriberId}
              and ${newsletterSubscriptions.status} = 'subscribed'))`,
      ),
    )
    .returning({ issueId: d.issueId, subscriberId: d.subscriberId });
  return new Set(gone.map((row) => `${row.issueId}:${row.subscriberId}`));
}

function inArrayPairs(rows: { issueId: string; subscriberId: string }[]): SQL {
  const d = newsletterDeliveries;
  const pairs = sql.join(
    rows.map((row) => sql`(${row.issueId}::uuid, ${row.subscriberId}::uuid)`),
    sql`, `,
  );
  return sql`(${d.issueId}, ${d.subscriberId}) in (${pairs})`;
}

// Only the claim that is still current may settle a row (see lib/email/outbox.ts).
const stillOurs = (row: NewsletterDelivery) =>
  and(
    eq(newsletterDeliveries.issueId, row.issueId),
    eq(newsletterDeliveries.subscriberId, row.subscriberId),
    eq(newsletterDeliveries.status, 'sending'),
    eq(newsletterDeliveries.attempts, row.attempts),
  );

type Outcome = 'sent' | 'retrying' | 'failed';

async function deliverOne(row: NewsletterDelivery): Promise<Outcome> {
  try {
    const rendered = await renderingOf(row.issueId);
    if (!rendered) return 'failed';
    const message = issueMessage(templateFor(rendered, row.access), rendered.issue, row);
    await sendEmail(message, { bulk: true });
  } catch (error) {
    return recordFailure(row, error);
  }
  await getDb()
    .update(newsletterDeliveries)
    .set({ status: 'sent', sentAt: sql`now()`, lastError: null })
    .where(stillOurs(row));
  return 'sent';
}

async function recordFailure(row: NewsletterDelivery, error: unknown): Promise<Outcome> {
  const { outcome, permanent, reason, delaySeconds } = judgeSendFailure(
    error,
    row.attempts,
    { issueId: row.issueId },
    maxDeliveryAttempts,
  );
  await getDb().transaction(async (tx) => {
    await tx
      .update(newsletterDeliveries)
      .set(
        outcome === 'failed'
          ? { status: 'failed', lastError: reason }
          : {
              status: 'queued',
              lastError: reason,
              nextAttemptAt: sql`now() + make_interval(secs => ${delaySeconds})`,
            },
      )
      .where(stillOurs(row));
    // A mailbox the server refused for good is not written to again, by any list.
    if (permanent) {
      await tx
        .insert(newsletterSuppressions)
        .values({ email: row.email, reason: 'bounced', detail: reason })
        .onConflictDoNothing();
    }
  });
  logger.warn(
    { issueId: row.issueId, attempts: row.attempts, outcome, error: reason },
    'newsletter message not sent',
  );
  return outcome;
}

/** Recipients whose attempts ran out are failed; issues with nobody left to send to are sent. */
async function finishIssues(): Promise<void> {
  const d = newsletterDeliveries;
  await getDb()
    .update(d)
    .set({
      status: 'failed',
      lastError: sql`concat_ws(' Last error: ', ${`Gave up after ${maxDeliveryAttempts} attempts.`}::text, ${d.lastError})`,
    })
    .where(
      and(
        inArray(d.status, ['queued', 'sending']),
        lte(d.nextAttemptAt, sql`now()`),
        gte(d.attempts, maxDeliveryAttempts),
      ),
    );
  await getDb()
    .update(newsletterIssues)
    .set({ status: 'sent', finishedAt: sql`now()` })
    .where(
      and(
        eq(newsletterIssues.status, 'sending'),
        notExists(
          getDb()
            .select({ one: sql`1` })
            .from(d)
            .where(
              and(eq(d.issueId, newsletterIssues.id), inArray(d.status, ['queued', 'sending'])),
            ),
        ),
      ),
    );
}

/** Whether any recipient is waiting: the job runs again at once while there is. */
export async function newsletterBacklog(): Promise<boolean> {
  const [row] = await getDb()
    .select({ one: sql`1` })
    .from(newsletterDeliveries)
    .where(
      and(
        inArray(newsletterDeliveries.status, ['queued', 'sending']),
        lte(newsletterDeliveries.nextAttemptAt, sql`now()`),
      ),
    )
    .limit(1);
  return Boolean(row);
}
