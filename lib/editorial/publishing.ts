import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { articles } from '@/db/schema';
import type { Actor } from '@/lib/auth/who';
import { scheduleSchema } from './article-input';
import type { EditableArticle } from './article-record';
import { lockForEditing, mustLoad } from './article-writes';
import { recordAudit } from './audit';
import { invalid, notFound, type Invalid, type NotFound } from './results';
import { articleTags, type Revalidator } from './revalidate';
import { editorialWrite } from './transaction';

// Status is not one of the form's fields: changing it keeps the version, so an editor with
// the form open can still save, and writes an audit row but no revision.

export type StatusResult = { ok: true; article: EditableArticle } | Invalid | NotFound;

/**
 * Makes the article public now. One that was published before and taken down keeps its
 * original date, as it is the same piece; otherwise it is dated now.
 */
export async function publishArticle(
  actor: Actor,
  id: string,
  revalidate?: Revalidator,
): Promise<StatusResult> {
  return editorialWrite(
    actor,
    async (tx, stale): Promise<StatusResult> => {
      const current = await lockForEditing(tx, id);
      if (!current) return notFound;
      if (current.status === 'published') return { ok: true, article: current };
      await tx
        .update(articles)
        .set({
          status: 'published',
          publishedAt: sql`case when ${articles.publishedAt} <= now() then ${articles.publishedAt} else now() end`,
        })
        .where(eq(articles.id, id));
      const article = await mustLoad(tx, id);
      await recordAudit(tx, actor, 'article.published', id, {
        version: article.version,
        slug: article.fields.slug,
        publishedAt: article.publishedAt?.toISOString(),
      });
      for (const tag of articleTags(article.fields.slug)) stale.add(tag);
      return { ok: true, article };
    },
    revalidate,
  );
}

/**
 * Sets the article to go live at a future time. Nothing public changes now: at that time the
 * go-live job (lib/jobs/go-live.ts) publishes it and moves the content version, so every
 * instance shows it within seconds; the public reads (lib/content/access.ts isLive) admit it
 * from that moment even before.
 */
export async function scheduleArticle(actor: Actor, id: string, at: Date): Promise<StatusResult> {
  return editorialWrite(actor, async (tx): Promise<StatusResult> => {
    const parsed = scheduleSchema.safeParse(at);
    if (!parsed.success) return invalid({ at: parsed.error.issues[0]!.message });
    const current = await lockForEditing(tx, id);
    if (!current) return notFound;
    if (current.live) {
      return invalid({
        at: 'This article is already live. Unpublish it first to schedule it for later.',
      });
    }
    await tx
      .update(articles)
      // An earlier "Updated" date would precede the new publication, which means nothing.
      .set({ status: 'scheduled', publishedAt: parsed.data, revisedAt: null })
      .where(eq(articles.id, id));
    await recordAudit(tx, actor, 'article.scheduled', id, {
      version: current.version,
      slug: current.fields.slug,
      publishedAt: parsed.data.toISOString(),
    });
    return { ok: true, article: await mustLoad(tx, id) };
  });
}

/** Takes the article down to a draft. Its date stays, for when it is published again. */
export async function unpublishArticle(
  actor: Actor,
  id: string,
  revalidate?: Revalidator,
): Promise<StatusResult> {
  return editorialWrite(
    actor,
    async (tx, stale): Promise<StatusResult> => {
      const current = await lockForEditing(tx, id);
      if (!current) return notFound;
      if (current.status === 'draft') return { ok: true, article: current };
      await tx.update(articles).set({ status: 'draft' }).where(eq(articles.id, id));
      await recordAudit(tx, actor, 'article.unpublished', id, {
        version: current.version,
        slug: current.fields.slug,
        wasLive: current.live,
      });
      for (const tag of articleTags(current.fields.slug)) stale.add(tag);
      return { ok: true, article: await mustLoad(tx, id) };
    },
    revalidate,
  );
}
