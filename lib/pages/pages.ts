import 'server-only';
import { and, eq, max, ne, or, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { violatedConstraint } from '@/db/errors';
import { pageRevisions, pages } from '@/db/schema';
import type { Actor } from '@/lib/auth/who';
import { isId } from '@/lib/editorial/article-record';
import { recordAudit } from '@/lib/editorial/audit';
import { invalid, notFound, type Invalid, type NotFound } from '@/lib/editorial/results';
import type { Revalidator } from '@/lib/editorial/revalidate';
import { revisionStore } from '@/lib/editorial/revision-store';
import { editorialWrite } from '@/lib/editorial/transaction';
import { claimSlug } from '@/lib/editorial/unique-slug';
import { fieldErrors } from '@/lib/validation/form';
import { pageTags } from './cached';
import {
  pageInputSchema,
  pageUpdateSchema,
  toPageSnapshot,
  type PageFields,
  type PageInput,
  type PageSnapshot,
  type PageUpdateInput,
} from './page-input';
import { loadEditablePage, type EditablePage } from './page-record';
import { isReservedSlug } from './reserved-slugs';

export type PageSaved = { ok: true; page: EditablePage };
export type PageConflict = { ok: false; reason: 'conflict'; conflict: { current: EditablePage } };
export type PageSaveResult = PageSaved | Invalid | PageConflict | NotFound;
export type PageStatusResult = PageSaved | NotFound;

const slugMessages = {
  taken: 'Another page already uses this web address. Choose another.',
  unsluggable:
    'Type a web address for this page: its title has no letters or numbers to make one from.',
  reserved:
    'This web address belongs to another part of the site. Choose another, such as “about-us”.',
};

/** Another editor may take the same slug between this save's check and its commit. */
async function catchSlugRace<T>(write: Promise<T>): Promise<T | Invalid> {
  try {
    return await write;
  } catch (error) {
    if (violatedConstraint(error, '23505') === 'pages_slug_unique') {
      return invalid({ slug: slugMessages.taken });
    }
    throw error;
  }
}

async function lockPage(tx: Transaction, id: string): Promise<EditablePage | null> {
  if (!isId(id)) return null;
  const [row] = await tx.select({ id: pages.id }).from(pages).where(eq(pages.id, id)).for('update');
  return row ? loadEditablePage(tx, id) : null;
}

async function mustLoad(tx: Transaction, id: string): Promise<EditablePage> {
  const page = await loadEditablePage(tx, id);
  if (!page) throw new Error(`Page ${id} vanished inside its own transaction.`);
  return page;
}

function settleSlug(tx: Transaction, fields: PageFields, current: EditablePage | null) {
  return claimSlug(tx, pages, {
    requested: fields.slug,
    source: fields.title,
    current: current && { id: current.id, slug: current.fields.slug },
    messages: slugMessages,
    reserved: isReservedSlug,
  });
}

const positionStep = 10;

/**
 * Where a page goes when its position is left blank: after the last page in the menus it is
 * placed in, or in any menu when it is in none, so that it ends up last wherever it is put later.
 */
async function settlePosition(
  tx: Transaction,
  fields: PageFields,
  current: EditablePage | null,
): Promise<number> {
  if (fields.menuPosition !== null) return fields.menuPosition;
  const anywhere = !fields.inNavigation && !fields.inFooter;
  const [row] = await tx
    .select({ last: max(pages.menuPosition) })
    .from(pages)
    .where(
      and(
        or(
          fields.inNavigation || anywhere ? eq(pages.inNavigation, true) : undefined,
          fields.inFooter || anywhere ? eq(pages.inFooter, true) : undefined,
        ),
        current ? ne(pages.id, current.id) : undefined,
      ),
    );
  return Math.min((row?.last ?? 0) + positionStep, 1000);
}

/** Creates a draft, version 1, with its first revision. Nothing public changes. */
export async function createPage(actor: Actor, input: PageInput): Promise<PageSaved | Invalid> {
  return catchSlugRace(
    editorialWrite(actor, async (tx): Promise<PageSaved | Invalid> => {
      const parsed = pageInputSchema.safeParse(input);
      if (!parsed.success) return invalid(fieldErrors(parsed.error));
      const claim = await settleSlug(tx, parsed.data, null);
      if (!claim.ok) return invalid({ slug: claim.message });
      const position = await settlePosition(tx, parsed.data, null);
      const snapshot = toPageSnapshot(parsed.data, claim.slug, position);
      const [row] = await tx
        .insert(pages)
        .values({ ...snapshot, createdById: actor.id })
        .returning({ id: pages.id });
      const id = row!.id;
      await tx
        .insert(pageRevisions)
        .values({ pageId: id, version: 1, snapshot, createdById: actor.id });
      await recordAudit(tx, actor, 'page.created', id, { version: 1, slug: claim.slug });
      return { ok: true, page: await mustLoad(tx, id) };
    }),
  );
}

function changedFields(before: PageSnapshot, after: PageSnapshot) {
  return (Object.keys(after) as (keyof PageSnapshot)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

/**
 * Saves new fields over a locked page as the next version, with its revision and audit row. A
 * save that changes nothing writes nothing.
 */
async function saveNewVersion(
  tx: Transaction,
  actor: Actor,
  current: EditablePage,
  fields: PageFields,
  action: 'page.updated' | 'page.restored',
  detail: Record<string, unknown>,
  stale: Set<string>,
): Promise<PageSaved | Invalid> {
  const claim = await settleSlug(tx, fields, current);
  if (!claim.ok) return invalid({ slug: claim.message });
  const position = await settlePosition(tx, fields, current);
  const snapshot = toPageSnapshot(fields, claim.slug, position);
  const changed = changedFields(current.fields, snapshot);
  if (changed.length === 0) return { ok: true, page: current };
  // Pages written without a revision (the seed) get their first one now, so the state being
  // replaced can always be restored.
  await tx
    .insert(pageRevisions)
    .values({ pageId: current.id, version: current.version, snapshot: current.fields })
    .onConflictDoNothing();
  const version = current.version + 1;
  await tx
    .update(pages)
    .set({ ...snapshot, version })
    .where(eq(pages.id, current.id));
  await tx
    .insert(pageRevisions)
    .values({ pageId: current.id, version, snapshot, createdById: actor.id });
  await recordAudit(tx, actor, action, current.id, {
    version,
    slug: claim.slug,
    changed,
    ...detail,
  });
  if (current.status === 'published') stale.add(pageTags.pages);
  return { ok: true, page: await mustLoad(tx, current.id) };
}

const conflict = (current: EditablePage): PageConflict => ({
  ok: false,
  reason: 'conflict',
  conflict: { current },
});

/**
 * Saves the form over the version the editor started from. If someone saved since, nothing
 * changes and the result carries the page as it now stands, for the editor to compare.
 */
export async function updatePage(
  actor: Actor,
  id: string,
  input: PageUpdateInput,
  revalidate?: Revalidator,
): Promise<PageSaveResult> {
  return catchSlugRace(
    editorialWrite(
      actor,
      async (tx, stale): Promise<PageSaveResult> => {
        const parsed = pageUpdateSchema.safeParse(input);
        if (!parsed.success) return invalid(fieldErrors(parsed.error));
        const current = await lockPage(tx, id);
        if (!current) return notFound;
        if (current.version !== parsed.data.expectedVersion) return conflict(current);
        return saveNewVersion(tx, actor, current, parsed.data, 'page.updated', {}, stale);
      },
      revalidate,
    ),
  );
}

/**
 * Makes the page public now. One published before and taken down keeps its first date. Status is
 * not one of the form's fields: it keeps the version, so an editor with the form open can save.
 */
export async function publishPage(
  actor: Actor,
  id: string,
  revalidate?: Revalidator,
): Promise<PageStatusResult> {
  return editorialWrite(
    actor,
    async (tx, stale): Promise<PageStatusResult> => {
      const current = await lockPage(tx, id);
      if (!current) return notFound;
      if (current.status === 'published') return { ok: true, page: current };
      await tx
        .update(pages)
        .set({ status: 'published', publishedAt: sql`coalesce(${pages.publishedAt}, now())` })
        .where(eq(pages.id, id));
      const page = await mustLoad(tx, id);
      await recordAudit(tx, actor, 'page.published', id, {
        version: page.version,
        slug: page.fields.slug,
      });
      stale.add(pageTags.pages);
      return { ok: true, page };
    },
    revalidate,
  );
}

/** Takes the page down to a draft, out of the menus; its date stays. */
export async function unpublishPage(
  actor: Actor,
  id: string,
  revalidate?: Revalidator,
): Promise<PageStatusResult> {
  return editorialWrite(
    actor,
    async (tx, stale): Promise<PageStatusResult> => {
      const current = await lockPage(tx, id);
      if (!current) return notFound;
      if (current.status === 'draft') return { ok: true, page: current };
      await tx.update(pages).set({ status: 'draft' }).where(eq(pages.id, id));
      await recordAudit(tx, actor, 'page.unpublished', id, {
        version: current.version,
        slug: current.fields.slug,
      });
      stale.add(pageTags.pages);
      return { ok: true, page: await mustLoad(tx, id) };
    },
    revalidate,
  );
}

const revisions = revisionStore<PageSnapshot>(pageRevisions, pageRevisions.pageId);

/** Every saved version of a page, newest first. */
export const listPageRevisions = (pageId: string) => revisions.list(pageId);

/**
 * Saves an earlier revision's fields as the next version. The fields are checked as a fresh save
 * would be: a slug taken since comes back as a field error.
 */
export async function restorePageRevision(
  actor: Actor,
  pageId: string,
  revisionId: string,
  expectedVersion: number,
  revalidate?: Revalidator,
): Promise<PageSaveResult> {
  return catchSlugRace(
    editorialWrite(
      actor,
      (tx, stale) =>
        revisions.restore(
          tx,
          { ownerId: pageId, revisionId, expectedVersion },
          {
            lock: lockPage,
            schema: pageInputSchema,
            conflict,
            save: (current, fields, restoredVersion) =>
              saveNewVersion(
                tx,
                actor,
                current,
                fields,
                'page.restored',
                { restoredVersion },
                stale,
              ),
          },
        ),
      revalidate,
    ),
  );
}
