import { and, eq, inArray, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, auditLog } from '@/db/schema';
import { readContentVersion } from '@/lib/cache/content-watch';
import { anonymousReader } from '@/lib/auth/who';
import { getArticle } from '@/lib/content/queries/articles';
import { nextGoLive, publishDuePieces } from '@/lib/editorial/go-live';

let counter = 0;

async function scheduled(at: Date): Promise<string> {
  const slug = `scheduled-piece-${++counter}`;
  await getDb()
    .insert(articles)
    .values({ slug, title: `Scheduled piece ${counter}`, status: 'scheduled', publishedAt: at });
  return slug;
}

const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1000);

beforeEach(async () => {
  await getDb().delete(articles);
});

describe('scheduled pieces going live', () => {
  it('publishes the pieces whose time has come, once, and moves the content version with them', async () => {
    const due = await scheduled(secondsFromNow(-5));
    const later = await scheduled(secondsFromNow(3600));
    const before = await readContentVersion();

    expect(await publishDuePieces()).toEqual([due]);
    expect(await readContentVersion()).toBe(before + 1);
    const rows = await getDb()
      .select({ slug: articles.slug, status: articles.status })
      .from(articles)
      .where(inArray(articles.slug, [due, later]))
      .orderBy(articles.slug);
    expect(rows).toEqual([
      { slug: due, status: 'published' },
      { slug: later, status: 'scheduled' },
    ]);
    const audit = await getDb()
      .select({ action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(and(isNull(auditLog.actorId), eq(auditLog.action, 'article.published')));
    expect(audit).toEqual([
      { action: 'article.published', detail: expect.objectContaining({ slug: due }) },
    ]);
    expect(await getArticle(due, anonymousReader)).not.toBeNull();

    // Nothing more is due: nothing changes, and the version stays.
    expect(await publishDuePieces()).toEqual([]);
    expect(await readContentVersion()).toBe(before + 1);
  });

  it('publishes each piece in one of several workers running at once', async () => {
    const slugs = await Promise.all([1, 2, 3].map(() => scheduled(secondsFromNow(-1))));
    const before = await readContentVersion();
    const runs = await Promise.all([publishDuePieces(), publishDuePieces(), publishDuePieces()]);
    expect(runs.flat().sort()).toEqual([...slugs].sort());
    expect(await readContentVersion()).toBeGreaterThan(before);
  });

  it('names the time the next piece goes live', async () => {
    expect(await nextGoLive()).toBeNull();
    const soon = secondsFromNow(90);
    await scheduled(secondsFromNow(3600));
    await scheduled(soon);
    expect((await nextGoLive())?.getTime()).toBe(Math.floor(soon.getTime()));
  });
});
