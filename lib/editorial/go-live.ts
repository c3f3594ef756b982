// No 'server-only' here: the worker (scripts/worker.ts) and the instrumentation hook run this.
import { and, eq, lte, min, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, auditLog } from '@/db/schema';
import { moveContentVersion } from '@/lib/cache/content-watch';

/**
 * Publishes every scheduled piece whose time has come, in one transaction that moves the
 * content version on: every instance then drops its pages within 2 s and reads its data afresh
 * (lib/content/cached.ts keys it by the version), so the piece is on the site at its time, not
 * at the next refresh of a cache. Safe to run in several processes at once: each piece goes
 * live in one of them. Returns the slugs of the pieces it published.
 *
 * Reads already show a scheduled piece once its time has come (lib/content/access.ts isLive);
 * this marks it published, with an audit row the schedule signs.
 */
export async function publishDuePieces(): Promise<string[]> {
  return getDb().transaction(async (tx) => {
    const due = await tx
      .update(articles)
      .set({ status: 'published' })
      .where(and(eq(articles.status, 'scheduled'), lte(articles.publishedAt, sql`now()`)))
      .returning({ id: articles.id, slug: articles.slug, publishedAt: articles.publishedAt });
    if (due.length === 0) return [];
    await tx.insert(auditLog).values(
      due.map((piece) => ({
        actorId: null,
        action: 'article.published',
        subjectType: 'article',
        subjectId: piece.id,
        detail: { slug: piece.slug, scheduledFor: piece.publishedAt?.toISOString() },
      })),
    );
    await moveContentVersion(tx);
    return due.map((piece) => piece.slug);
  });
}

/** When the next scheduled piece goes live, or null when none is scheduled. */
export async function nextGoLive(): Promise<Date | null> {
  const [row] = await getDb()
    .select({ at: min(articles.publishedAt) })
    .from(articles)
    .where(eq(articles.status, 'scheduled'));
  return row?.at ?? null;
}
