import 'server-only';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Transaction } from '@/db/client';
import { violatedConstraint } from '@/db/errors';
import { authors, coverage, pressContacts } from '@/db/schema';
import type { Actor } from '@/lib/auth/who';
import { contentTags } from '@/lib/content/cached';
import { isId } from '@/lib/editorial/article-record';
import { recordAudit } from '@/lib/editorial/audit';
import {
  invalid,
  notFound,
  type FieldErrors,
  type Invalid,
  type NotFound,
} from '@/lib/editorial/results';
import type { Revalidator } from '@/lib/editorial/revalidate';
import { editorialWrite } from '@/lib/editorial/transaction';
import { fieldErrors } from '@/lib/validation/form';
import {
  coverageInputSchema,
  pressContactInputSchema,
  type CoverageFields,
  type CoverageInput,
  type PressContactFields,
  type PressContactInput,
} from './press-input';

export type PressSaveResult = { ok: true; id: string } | Invalid | NotFound;
export type PressDeleteResult = { ok: true } | NotFound;

// The press office's records: rows without slugs or revisions, each change audited and shown on
// /press at once.
interface PressRecord<Fields> {
  subject: 'press_contact' | 'coverage';
  table: typeof pressContacts | typeof coverage;
  schema: z.ZodType<Fields>;
  checkReferences(tx: Transaction, fields: Fields): Promise<FieldErrors>;
  /** What the audit log says it was: enough to recognise it once deleted. */
  describe(fields: Fields): Record<string, unknown>;
}

const contact: PressRecord<PressContactFields> = {
  subject: 'press_contact',
  table: pressContacts,
  schema: pressContactInputSchema,
  async checkReferences() {
    return {};
  },
  describe: ({ name, email }) => ({ name, email }),
};

const coverageItem: PressRecord<CoverageFields> = {
  subject: 'coverage',
  table: coverage,
  schema: coverageInputSchema,
  async checkReferences(tx, fields): Promise<FieldErrors> {
    if (!fields.authorId) return {};
    const [row] = await tx
      .select({ id: authors.id })
      .from(authors)
      .where(eq(authors.id, fields.authorId));
    return row ? {} : { authorId: 'This person has been removed. Choose another, or none.' };
  },
  describe: ({ title, outlet, publishedOn }) => ({ title, outlet, publishedOn }),
};

async function lockRecord<Fields>(tx: Transaction, record: PressRecord<Fields>, id: string) {
  if (!isId(id)) return undefined;
  const [row] = await tx
    .select({ id: record.table.id })
    .from(record.table)
    .where(eq(record.table.id, id))
    .for('update');
  return row;
}

async function saveRecord<Fields extends Record<string, unknown>>(
  actor: Actor,
  record: PressRecord<Fields>,
  id: string | null,
  input: unknown,
  revalidate: Revalidator | undefined,
): Promise<PressSaveResult> {
  const write = editorialWrite(
    actor,
    async (tx, stale): Promise<PressSaveResult> => {
      const parsed = record.schema.safeParse(input);
      if (!parsed.success) return invalid(fieldErrors(parsed.error));
      const current = id === null ? null : await lockRecord(tx, record, id);
      if (current === undefined) return notFound;
      const errors = await record.checkReferences(tx, parsed.data);
      if (Object.keys(errors).length > 0) return invalid(errors);
      let savedId: string;
      if (current) {
        await tx.update(record.table).set(parsed.data).where(eq(record.table.id, current.id));
        savedId = current.id;
      } else {
        const [row] = await tx
          .insert(record.table)
          .values(parsed.data as never)
          .returning({ id: record.table.id });
        savedId = row!.id;
      }
      await recordAudit(
        tx,
        actor,
        `${record.subject}.${current ? 'updated' : 'created'}`,
        savedId,
        record.describe(parsed.data),
      );
      stale.add(contentTags.press);
      return { ok: true, id: savedId };
    },
    revalidate,
  );
  try {
    return await write;
  } catch (error) {
    // The person named was deleted between the check and the write.
    if (violatedConstraint(error, '23503') === null) throw error;
    return invalid({ form: 'Something you chose was removed meanwhile. Check and save again.' });
  }
}

async function deleteRecord<Fields>(
  actor: Actor,
  record: PressRecord<Fields>,
  id: string,
  revalidate: Revalidator | undefined,
): Promise<PressDeleteResult> {
  return editorialWrite(
    actor,
    async (tx, stale): Promise<PressDeleteResult> => {
      if (!isId(id)) return notFound;
      const [row] = await tx.delete(record.table).where(eq(record.table.id, id)).returning();
      if (!row) return notFound;
      const { id: _id, createdAt: _created, updatedAt: _updated, ...fields } = row;
      await recordAudit(
        tx,
        actor,
        `${record.subject}.deleted`,
        id,
        record.describe(fields as Fields),
      );
      stale.add(contentTags.press);
      return { ok: true };
    },
    revalidate,
  );
}

export const createPressContact = (
  actor: Actor,
  input: PressContactInput,
  revalidate?: Revalidator,
) => saveRecord(actor, contact, null, input, revalidate);
export const updatePressContact = (
  actor: Actor,
  id: string,
  input: PressContactInput,
  revalidate?: Revalidator,
) => saveRecord(actor, contact, id, input, revalidate);
export const deletePressContact = (actor: Actor, id: string, revalidate?: Revalidator) =>
  deleteRecord(actor, contact, id, revalidate);

export const createCoverage = (actor: Actor, input: CoverageInput, revalidate?: Revalidator) =>
  saveRecord(actor, coverageItem, null, input, revalidate);
export const updateCoverage = (
  actor: Actor,
  id: string,
  input: CoverageInput,
  revalidate?: Revalidator,
) => saveRecord(actor, coverageItem, id, input, revalidate);
export const deleteCoverage = (actor: Actor, id: string, revalidate?: Revalidator) =>
  deleteRecord(actor, coverageItem, id, revalidate);
