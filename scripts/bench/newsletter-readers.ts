// The readers and issues of bench:newsletter, made with a few set-based statements on top of
// the demo content: N confirmed subscribers of one list, every 20th with a verified member's
// account (so the issue's members-only piece is theirs to read), every 100th also holding a
// complimentary membership of the Research Circle (so its tier piece is too): three renderings.
import { and, desc, eq, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  articles,
  newsletterIssueArticles,
  newsletterIssues,
  newsletterLists,
  type ArticleVisibility,
} from '@/db/schema';
import { startIssueSend } from '@/lib/newsletters/delivery';

export const readerDomain = 'bench.example';
const readerEmail = (i: string) => sql.raw(`'reader' || ${i} || '@${readerDomain}'`);

/** Makes the list and its readers; returns the list's id. */
export async function createReaders(count: number): Promise<string> {
  const db = getDb();
  const [list] = await db
    .insert(newsletterLists)
    .values({ slug: 'bench-briefing', name: 'The Bench Briefing', kind: 'issues' })
    .returning({ id: newsletterLists.id });
  await db.execute(sql`
    insert into users (id, email, email_verified, role)
    select 'bench-reader-' || i, ${readerEmail('i')}, now(), 'member'
    from generate_series(20, ${count}::int, 20) i`);
  await db.execute(sql`
    insert into memberships (user_id, tier_id, source, status)
    select 'bench-reader-' || i, (select id from membership_tiers where slug = 'research-circle'),
      'complimentary', 'active'
    from generate_series(100, ${count}::int, 100) i`);
  await db.execute(sql`
    insert into newsletter_subscribers (email, user_id)
    select ${readerEmail('i')}, case when i % 20 = 0 then 'bench-reader-' || i end
    from generate_series(1, ${count}::int) i`);
  await db.execute(sql`
    insert into newsletter_subscriptions
      (subscriber_id, list_id, status, source, consent_text, consent_at, confirmed_at)
    select id, ${list!.id}::uuid, 'subscribed', 'import', 'Imported for the bench', now(), now()
    from newsletter_subscribers where email like ${`%@${readerDomain}`}`);
  await db.execute(sql`analyze`);
  return list!.id;
}

/** The issue's pieces: the two newest public pieces, the newest for members, one for tiers. */
export async function choosePieces(): Promise<{ ids: string[]; publicSlug: string }> {
  const newest = (visibility: ArticleVisibility, limit: number) =>
    getDb()
      .select({ id: articles.id, slug: articles.slug })
      .from(articles)
      .where(
        and(
          eq(articles.status, 'published'),
          lte(articles.publishedAt, sql`now()`),
          eq(articles.visibility, visibility),
        ),
      )
      .orderBy(desc(articles.publishedAt))
      .limit(limit);
  const pieces = [
    ...(await newest('public', 2)),
    ...(await newest('members', 1)),
    ...(await newest('tiers', 1)),
  ];
  if (pieces.length < 4) throw new Error('the demo content lacks a public, members or tier piece');
  return { ids: pieces.map((piece) => piece.id), publicSlug: pieces[0]!.slug };
}

/** Makes an issue of `pieces` to the list and starts it; returns its id and recipients. */
export async function startIssue(
  listId: string,
  pieces: string[],
  subject: string,
): Promise<{ id: string; recipients: number }> {
  const [issue] = await getDb()
    .insert(newsletterIssues)
    .values({ listId, subject, preheader: 'This week', intro: '**Hello**, readers.' })
    .returning({ id: newsletterIssues.id });
  await getDb()
    .insert(newsletterIssueArticles)
    .values(pieces.map((articleId, position) => ({ issueId: issue!.id, articleId, position })));
  const started = await startIssueSend(issue!.id);
  if (!started.ok) throw new Error(`the issue did not start: ${started.reason}`);
  return { id: issue!.id, recipients: started.recipients };
}
