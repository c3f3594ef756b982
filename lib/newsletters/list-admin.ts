import 'server-only';
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { violatedConstraint } from '@/db/errors';
import {
  newsletterLists,
  newsletterSubscriptions,
  series,
  topics,
  type NewsletterList,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/who';
import { contentTags } from '@/lib/content/cached';
import { isId } from '@/lib/editorial/article-record';
import { recordAudit } from '@/lib/editorial/audit';
import { invalid, notFound, type Invalid, type NotFound } from '@/lib/editorial/results';
import type { Revalidator } from '@/lib/editorial/revalidate';
import { editorialWrite } from '@/lib/editorial/transaction';
import { claimSlug } from '@/lib/editorial/unique-slug';
import { fieldErrors } from '@/lib/validation/form';
import { listInputSchema, type ListInput } from './list-input';

export type ListSaveResult = { ok: true; id: string; slug: string } | Invalid | NotFound;

export interface ListSummary extends NewsletterList {
  subscribed: number;
  pending: number;
  unsubscribed: number;
}

// The reads are for the admin's pages, which check the reader's role (requireStaff).

/** Every list, retired ones included, with its subscribers counted by status. */
export async function listNewsletterLists(): Promise<ListSummary[]> {
  const db = getDb();
  const [lists, counts] = await Promise.all([
    db
      .select()
      .from(newsletterLists)
      .orderBy(
        asc(newsletterLists.archived),
        asc(newsletterLists.position),
        asc(newsletterLists.name),
      ),
    db
      .select({
        listId: newsletterSubscriptions.listId,
        status: newsletterSubscriptions.status,
        n: count(),
      })
      .from(newsletterSubscriptions)
      .groupBy(newsletterSubscriptions.listId, newsletterSubscriptions.status),
  ]);
  const of = (listId: string, status: string) =>
    counts.find((row) => row.listId === listId && row.status === status)?.n ?? 0;
  return lists.map((list) => ({
    ...list,
    subscribed: of(list.id, 'subscribed'),
    pending: of(list.id, 'pending'),
    unsubscribed: of(list.id, 'unsubscribed'),
  }));
}

export async function getNewsletterList(id: string): Promise<NewsletterList | null> {
  if (!isId(id)) return null;
  const [row] = await getDb().select().from(newsletterLists).where(eq(newsletterLists.id, id));
  return row ?? null;
}

/** The series and topics a list may follow, for the editor's choice. */
export async function listSources() {
  const db = getDb();
  const [seriesRows, topicRows] = await Promise.all([
    db.select({ id: series.id, name: series.name }).from(series).orderBy(asc(series.name)),
    db.select({ id: topics.id, name: topics.name }).from(topics).orderBy(asc(topics.name)),
  ]);
  return { series: seriesRows, topics: topicRows };
}

/** The next free position, so a new list goes after the others unless the editor says. */
export async function nextListPosition(): Promise<number> {
  const [row] = await getDb()
    .select({ last: sql<number | null>`max(${newsletterLists.position})` })
    .from(newsletterLists);
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/**
 * Creates or changes a list; audited, and shown on every page's sign-up forms at once. A list is
 * never deleted, only retired: its subscribers' consent records stay with it.
 */
export async function saveNewsletterList(
  actor: Actor,
  id: string | null,
  input: ListInput,
  revalidate?: Revalidator,
): Promise<ListSaveResult> {
  const write = editorialWrite(
    actor,
    async (tx, stale): Promise<ListSaveResult> => {
      const parsed = listInputSchema.safeParse(input);
      if (!parsed.success) return invalid(fieldErrors(parsed.error));
      const { slug: requested, ...fields } = parsed.data;
      let current: { id: string; slug: string } | null = null;
      if (id !== null) {
        if (!isId(id)) return notFound;
        const [row] = await tx
          .select({ id: newsletterLists.id, slug: newsletterLists.slug })
          .from(newsletterLists)
          .where(eq(newsletterLists.id, id))
          .for('update');
        if (!row) return notFound;
        current = row;
      }
      const claim = await claimSlug(tx, newsletterLists, {
        requested,
        source: fields.name,
        current,
        messages: {
          taken: 'Another newsletter has this slug. Choose another.',
          unsluggable: 'Give a slug: the name has no letters or numbers to make one from.',
        },
      });
      if (!claim.ok) return invalid({ slug: claim.message });
      const values = { ...fields, slug: claim.slug };
      // One list at a time is offered to donors: choosing this one withdraws the other.
      if (values.softOptIn) {
        await tx
          .update(newsletterLists)
          .set({ softOptIn: false })
          .where(and(eq(newsletterLists.softOptIn, true), ne(newsletterLists.slug, claim.slug)));
      }
      let savedId: string;
      if (current) {
        await tx.update(newsletterLists).set(values).where(eq(newsletterLists.id, current.id));
        savedId = current.id;
      } else {
        const [row] = await tx
          .insert(newsletterLists)
          .values(values)
          .returning({ id: newsletterLists.id });
        savedId = row!.id;
      }
      await recordAudit(tx, actor, `newsletter_list.${current ? 'updated' : 'created'}`, savedId, {
        name: values.name,
        slug: values.slug,
        kind: values.kind,
        archived: values.archived,
        softOptIn: values.softOptIn,
      });
      stale.add(contentTags.newsletters);
      return { ok: true, id: savedId, slug: values.slug };
    },
    revalidate,
  );
  try {
    return await write;
  } catch (error) {
    if (violatedConstraint(error, '23505') === 'newsletter_lists_slug_unique') {
      return invalid({ slug: 'Another newsletter has this slug. Choose another.' });
    }
    if (violatedConstraint(error, '23503') !== null) {
      return invalid({
        form: 'The series or topic you chose was removed meanwhile. Choose again.',
      });
    }
    throw error;
  }
}
