// No 'server-only' here: the worker (scripts/worker.ts) runs this.
import { and, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  articles,
  articleTopics,
  newsletterIssueArticles,
  newsletterIssues,
  newsletterLists,
  type NewsletterList,
} from '@/db/schema';
import { isLive } from '@/lib/content/access';
import { markdownToPlainText } from '@/lib/content/markdown';
import { formatLongDate, londonDay, londonZone } from '@/lib/time/london';
import { startIssueSendIn } from './delivery';

// A piece published longer ago than this is not sent as new: a list created, or a worker back
// after an outage, does not send a backlog.
const newForDays = 3;
// The most pieces a weekly digest lists.
const digestMax = 12;

const weekdayHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: londonZone,
  weekday: 'short',
  hour: 'numeric',
  hourCycle: 'h23',
});

/**
 * The London date of the digest due at `now`, or null: digests go out on Fridays from 9:00,
 * London time; the date names the week's digest, so each is made once.
 */
export function digestDue(now: Date): string | null {
  const parts = weekdayHour.formatToParts(now);
  const weekday = parts.find((part) => part.type === 'weekday')?.value;
  const hour = Number(parts.find((part) => part.type === 'hour')?.value);
  return weekday === 'Fri' && hour >= 9 ? londonDay(now) : null;
}

/**
 * Makes and starts the automatic sends that are due: each new piece of a series or topic to
 * the lists that follow it, and on Fridays each digest list's week. Each is named by its
 * reference, so several workers, or a run repeated, make it once. Returns the issues started.
 */
export async function startAutomaticSends(now = new Date()): Promise<string[]> {
  const lists = await getDb()
    .select()
    .from(newsletterLists)
    .where(
      and(
        eq(newsletterLists.archived, false),
        inArray(newsletterLists.kind, ['digest', 'series', 'topic']),
      ),
    );
  const started: string[] = [];
  for (const list of lists) {
    if (list.kind === 'digest') {
      const day = digestDue(now);
      if (!day) continue;
      const since = new Date(now.getTime() - 7 * 86_400_000);
      const pieces = await livePieces(list, since, now, digestMax);
      if (!pieces.length) continue;
      const id = await makeIssue(list, `digest:${list.id}:${day}`, pieces, {
        subject: `${list.name}: the week to ${formatLongDate(now)}`,
        preheader: pieces.map((piece) => piece.title).join(' · '),
      });
      if (id) started.push(id);
      continue;
    }
    const since = new Date(
      Math.max(list.createdAt.getTime(), now.getTime() - newForDays * 86_400_000),
    );
    for (const piece of await livePieces(list, since, now, 20)) {
      const id = await makeIssue(list, `piece:${list.id}:${piece.id}`, [piece], {
        subject: piece.title,
        preheader: markdownToPlainText(piece.standfirst, 150),
      });
      if (id) started.push(id);
    }
  }
  return started;
}

type Piece = { id: string; title: string; standfirst: string };

async function livePieces(
  list: NewsletterList,
  since: Date,
  now: Date,
  limit: number,
): Promise<Piece[]> {
  const follows =
    list.kind === 'series'
      ? eq(articles.seriesId, list.seriesId!)
      : list.kind === 'topic'
        ? sql`exists (select 1 from ${articleTopics} where ${articleTopics.articleId} = ${articles.id} and ${articleTopics.topicId} = ${list.topicId})`
        : sql`true`;
  const recent = and(gt(articles.publishedAt, since), lte(articles.publishedAt, now));
  const query = getDb()
    .select({ id: articles.id, title: articles.title, standfirst: articles.standfirst })
    .from(articles)
    .where(and(isLive(), recent, follows))
    .orderBy(desc(articles.publishedAt))
    .limit(limit);
  const rows = await query;
  if (list.kind === 'digest' || !rows.length) return rows;
  // Pieces already sent to this list are skipped before a transaction is opened for them.
  const made = await getDb()
    .select({ reference: newsletterIssues.reference })
    .from(newsletterIssues)
    .where(
      inArray(
        newsletterIssues.reference,
        rows.map((row) => `piece:${list.id}:${row.id}`),
      ),
    );
  const done = new Set(made.map((row) => row.reference));
  return rows.filter((row) => !done.has(`piece:${list.id}:${row.id}`));
}

async function makeIssue(
  list: NewsletterList,
  reference: string,
  pieces: Piece[],
  text: { subject: string; preheader: string },
): Promise<string | null> {
  return getDb().transaction(async (tx) => {
    const [issue] = await tx
      .insert(newsletterIssues)
      .values({ listId: list.id, reference, ...text })
      .onConflictDoNothing({ target: newsletterIssues.reference })
      .returning({ id: newsletterIssues.id });
    if (!issue) return null;
    await tx
      .insert(newsletterIssueArticles)
      .values(
        pieces.map((piece, position) => ({ issueId: issue.id, articleId: piece.id, position })),
      );
    const result = await startIssueSendIn(tx, issue.id);
    return result.ok ? issue.id : null;
  });
}
