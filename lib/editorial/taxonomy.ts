import 'server-only';
import { count, eq, getTableName, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Transaction } from '@/db/client';
import {
  articleAuthors,
  articles,
  articleTopics,
  authors,
  authorTopics,
  media,
  series,
  topics,
} from '@/db/schema';
import { fieldErrors } from '@/lib/validation/form';
import type { Actor } from '@/lib/auth/who';
import { isId } from './article-record';
import { recordAudit, type EditorialSubject } from './audit';
import { violatedConstraint } from '@/db/errors';
import { invalid, notFound, type FieldErrors, type Invalid, type NotFound } from './results';
import { taxonomyTags, type Revalidator } from './revalidate';
import {
  expertInputSchema,
  seriesInputSchema,
  topicInputSchema,
  type ExpertFields,
  type ExpertInput,
  type SeriesFields,
  type SeriesInput,
  type TopicFields,
  type TopicInput,
} from './taxonomy-input';
import { editorialWrite } from './transaction';
import { claimSlug } from './unique-slug';

export type TermSaveResult = { ok: true; id: string; slug: string } | Invalid | NotFound;
export type TermDeleteResult =
  { ok: true } | { ok: false; reason: 'in-use'; message: string } | NotFound;

type Settled<Fields> = Omit<Fields, 'slug'> & { slug: string };

interface Term<Fields> {
  subject: Exclude<EditorialSubject, 'article'>;
  table: typeof authors | typeof series | typeof topics;
  schema: z.ZodType<Fields>;
  slugTaken: string;
  checkReferences(tx: Transaction, fields: Fields): Promise<FieldErrors>;
  insert(tx: Transaction, fields: Settled<Fields>): Promise<string>;
  update(tx: Transaction, id: string, fields: Settled<Fields>): Promise<void>;
  /** Why it cannot be deleted, or null when nothing refers to it. */
  usage(tx: Transaction, id: string): Promise<string | null>;
}

async function lockTerm<Fields>(tx: Transaction, term: Term<Fields>, id: string) {
  if (!isId(id)) return undefined;
  const [row] = await tx
    .select({ id: term.table.id, slug: term.table.slug, name: term.table.name })
    .from(term.table)
    .where(eq(term.table.id, id))
    .for('update');
  return row;
}

async function saveTerm<Fields extends { slug: string | null; name: string }>(
  actor: Actor,
  term: Term<Fields>,
  id: string | null,
  input: unknown,
  revalidate: Revalidator | undefined,
): Promise<TermSaveResult> {
  const write = editorialWrite(
    actor,
    async (tx, stale): Promise<TermSaveResult> => {
      const parsed = term.schema.safeParse(input);
      if (!parsed.success) return invalid(fieldErrors(parsed.error));
      const current = id === null ? null : await lockTerm(tx, term, id);
      if (current === undefined) return notFound;
      const errors = await term.checkReferences(tx, parsed.data);
      const claim = await claimSlug(tx, term.table, {
        requested: parsed.data.slug,
        source: parsed.data.name,
        current,
        messages: {
          taken: term.slugTaken,
          unsluggable: 'Type a slug: the name has no letters or numbers to make one from.',
        },
      });
      if (!claim.ok) return invalid({ ...errors, slug: claim.message });
      if (Object.keys(errors).length > 0) return invalid(errors);
      const fields = { ...parsed.data, slug: claim.slug };
      let savedId: string;
      if (current) {
        await term.update(tx, current.id, fields);
        savedId = current.id;
      } else {
        savedId = await term.insert(tx, fields);
      }
      await recordAudit(tx, actor, `${term.subject}.${current ? 'updated' : 'created'}`, savedId, {
        slug: claim.slug,
        name: fields.name,
        ...(current && current.slug !== claim.slug ? { previousSlug: current.slug } : {}),
      });
      for (const tag of taxonomyTags) stale.add(tag);
      return { ok: true, id: savedId, slug: claim.slug };
    },
    revalidate,
  );
  try {
    return await write;
  } catch (error) {
    // Another editor committed the same slug, or removed a photo or columnist, meanwhile.
    if (violatedConstraint(error, '23505') === `${getTableName(term.table)}_slug_unique`) {
      return invalid({ slug: term.slugTaken });
    }
    if (violatedConstraint(error, '23503') !== null) {
      return invalid({ form: 'Something you chose was removed meanwhile. Check and save again.' });
    }
    throw error;
  }
}

async function deleteTerm<Fields>(
  actor: Actor,
  term: Term<Fields>,
  id: string,
  revalidate: Revalidator | undefined,
): Promise<TermDeleteResult> {
  const write = editorialWrite(
    actor,
    async (tx, stale): Promise<TermDeleteResult> => {
      const current = await lockTerm(tx, term, id);
      if (!current) return notFound;
      const inUse = await term.usage(tx, id);
      if (inUse) return { ok: false, reason: 'in-use', message: inUse };
      await tx.delete(term.table).where(eq(term.table.id, id));
      await recordAudit(tx, actor, `${term.subject}.deleted`, id, {
        slug: current.slug,
        name: current.name,
      });
      for (const tag of taxonomyTags) stale.add(tag);
      return { ok: true };
    },
    revalidate,
  );
  try {
    return await write;
  } catch (error) {
    // An article took it up between the usage check and the delete.
    if (violatedConstraint(error, '23503') === null) throw error;
    return { ok: false, reason: 'in-use', message: 'It was just put to use. Reload to see where.' };
  }
}

const articleCount = (n: number) => `${n} article${n === 1 ? '' : 's'}`;

async function photoExists(tx: Transaction, id: string | null) {
  if (!id) return true;
  const [row] = await tx.select({ id: media.id }).from(media).where(eq(media.id, id));
  return Boolean(row);
}

async function setAreas(tx: Transaction, authorId: string, topicIds: string[]) {
  await tx.delete(authorTopics).where(eq(authorTopics.authorId, authorId));
  if (topicIds.length > 0) {
    await tx.insert(authorTopics).values(topicIds.map((topicId) => ({ authorId, topicId })));
  }
}

const expert: Term<ExpertFields> = {
  subject: 'expert',
  table: authors,
  schema: expertInputSchema,
  slugTaken: 'Another person already uses this slug. Choose another.',
  async checkReferences(tx, fields): Promise<FieldErrors> {
    const errors: FieldErrors = {};
    if (!(await photoExists(tx, fields.photoId))) {
      errors.photoId = 'This photo is no longer in the library. Choose another, or none.';
    }
    if (fields.topicIds.length > 0) {
      const found = await tx
        .select({ id: topics.id })
        .from(topics)
        .where(inArray(topics.id, fields.topicIds));
      if (found.length !== fields.topicIds.length) {
        errors.topicIds = 'One of these areas has been removed. Choose the areas again.';
      }
    }
    return errors;
  },
  async insert(tx, { topicIds, ...fields }) {
    const [row] = await tx.insert(authors).values(fields).returning({ id: authors.id });
    await setAreas(tx, row!.id, topicIds);
    return row!.id;
  },
  async update(tx, id, { topicIds, ...fields }) {
    await tx.update(authors).set(fields).where(eq(authors.id, id));
    await setAreas(tx, id, topicIds);
  },
  async usage(tx, id) {
    const [[bylines], columns] = await Promise.all([
      tx.select({ n: count() }).from(articleAuthors).where(eq(articleAuthors.authorId, id)),
      tx.select({ name: series.name }).from(series).where(eq(series.columnistId, id)),
    ]);
    const uses = [
      bylines?.n ? `on the byline of ${articleCount(bylines.n)}` : null,
      columns.length
        ? `the columnist of ${columns.map((column) => `“${column.name}”`).join(', ')}`
        : null,
    ].filter(Boolean);
    return uses.length ? `This person is ${uses.join(' and ')}. Take them off first.` : null;
  },
};

const seriesTerm: Term<SeriesFields> = {
  subject: 'series',
  table: series,
  schema: seriesInputSchema,
  slugTaken: 'Another series already uses this slug. Choose another.',
  async checkReferences(tx, fields): Promise<FieldErrors> {
    if (!fields.columnistId) return {};
    const [row] = await tx
      .select({ id: authors.id })
      .from(authors)
      .where(eq(authors.id, fields.columnistId));
    return row ? {} : { columnistId: 'This expert has been removed. Choose another, or none.' };
  },
  async insert(tx, fields) {
    const [row] = await tx.insert(series).values(fields).returning({ id: series.id });
    return row!.id;
  },
  async update(tx, id, fields) {
    await tx.update(series).set(fields).where(eq(series.id, id));
  },
  async usage(tx, id) {
    const [row] = await tx.select({ n: count() }).from(articles).where(eq(articles.seriesId, id));
    return row?.n
      ? `This series has ${articleCount(row.n)}. Move them to another series, or none, first.`
      : null;
  },
};

const topic: Term<TopicFields> = {
  subject: 'topic',
  table: topics,
  schema: topicInputSchema,
  slugTaken: 'Another topic or region already uses this slug. Choose another.',
  async checkReferences() {
    return {};
  },
  async insert(tx, fields) {
    const [row] = await tx.insert(topics).values(fields).returning({ id: topics.id });
    return row!.id;
  },
  async update(tx, id, fields) {
    await tx.update(topics).set(fields).where(eq(topics.id, id));
  },
  async usage(tx, id) {
    const [[row], [kind]] = await Promise.all([
      tx.select({ n: count() }).from(articleTopics).where(eq(articleTopics.topicId, id)),
      tx.select({ kind: topics.kind }).from(topics).where(eq(topics.id, id)),
    ]);
    return row?.n
      ? `This ${kind?.kind ?? 'topic'} is on ${articleCount(row.n)}. Take it off them first.`
      : null;
  },
};

export const createExpert = (actor: Actor, input: ExpertInput, revalidate?: Revalidator) =>
  saveTerm(actor, expert, null, input, revalidate);
export const updateExpert = (
  actor: Actor,
  id: string,
  input: ExpertInput,
  revalidate?: Revalidator,
) => saveTerm(actor, expert, id, input, revalidate);
export const deleteExpert = (actor: Actor, id: string, revalidate?: Revalidator) =>
  deleteTerm(actor, expert, id, revalidate);

export const createSeries = (actor: Actor, input: SeriesInput, revalidate?: Revalidator) =>
  saveTerm(actor, seriesTerm, null, input, revalidate);
export const updateSeries = (
  actor: Actor,
  id: string,
  input: SeriesInput,
  revalidate?: Revalidator,
) => saveTerm(actor, seriesTerm, id, input, revalidate);
export const deleteSeries = (actor: Actor, id: string, revalidate?: Revalidator) =>
  deleteTerm(actor, seriesTerm, id, revalidate);

/** Topics and regions share a table; `kind` tells them apart. */
export const createTopic = (actor: Actor, input: TopicInput, revalidate?: Revalidator) =>
  saveTerm(actor, topic, null, input, revalidate);
export const updateTopic = (
  actor: Actor,
  id: string,
  input: TopicInput,
  revalidate?: Revalidator,
) => saveTerm(actor, topic, id, input, revalidate);
export const deleteTopic = (actor: Actor, id: string, revalidate?: Revalidator) =>
  deleteTerm(actor, topic, id, revalidate);
