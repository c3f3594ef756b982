import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb, type Transaction } from '@/db/client';
import { articleRevisions, pageRevisions, users, type User } from '@/db/schema';
import { fieldErrors } from '@/lib/validation/form';
import { isId } from './article-record';
import { invalid, notFound, type Invalid, type NotFound } from './results';

export interface RevisionEntry<Snapshot> {
  id: string;
  version: number;
  createdAt: Date;
  createdBy: Pick<User, 'id' | 'name' | 'email'> | null;
  snapshot: Snapshot;
}

/** Articles and pages keep their revisions in tables of one shape, each keyed to its owner. */
type RevisionTable = typeof articleRevisions | typeof pageRevisions;
type OwnerColumn = typeof articleRevisions.articleId | typeof pageRevisions.pageId;

/** What restoring needs of the content it restores: the rest is the same for every kind. */
export interface Restoring<Current extends { version: number }, Fields, Saved, Conflict> {
  /** Locks the owner's row for the rest of the transaction and reads it. */
  lock: (tx: Transaction, id: string) => Promise<Current | null>;
  /** The form's schema: a revision's fields are checked as a fresh save would check them. */
  schema: z.ZodType<Fields>;
  conflict: (current: Current) => Conflict;
  /** Saves the fields over the locked owner as its next version. */
  save: (current: Current, fields: Fields, restoredVersion: number) => Promise<Saved | Invalid>;
}

/** Every saved version of one kind of content: listed, read and restored the same way. */
export function revisionStore<Snapshot>(table: RevisionTable, owner: OwnerColumn) {
  async function read(tx: Transaction, ownerId: string, revisionId: string) {
    if (!isId(revisionId)) return null;
    const [revision] = await tx
      .select({ version: table.version, snapshot: table.snapshot })
      .from(table)
      .where(and(eq(table.id, revisionId), eq(owner, ownerId)));
    return revision ?? null;
  }

  return {
    /** Every saved version, newest first. */
    async list(ownerId: string): Promise<RevisionEntry<Snapshot>[]> {
      if (!isId(ownerId)) return [];
      const rows = await getDb()
        .select({
          id: table.id,
          version: table.version,
          createdAt: table.createdAt,
          snapshot: table.snapshot,
          userId: users.id,
          userName: users.name,
          userEmail: users.email,
        })
        .from(table)
        .leftJoin(users, eq(users.id, table.createdById))
        .where(eq(owner, ownerId))
        .orderBy(desc(table.version));
      return rows.map((row) => ({
        id: row.id,
        version: row.version,
        createdAt: row.createdAt,
        createdBy:
          row.userId && row.userEmail
            ? { id: row.userId, name: row.userName, email: row.userEmail }
            : null,
        // Written only by the content's own saves, from a validated form.
        snapshot: row.snapshot as Snapshot,
      }));
    },

    /**
     * Saves an earlier revision's fields as the owner's next version, inside the caller's
     * transaction; history is never rewritten. A revision whose fields no longer pass (a slug
     * taken since, an expert removed) comes back as field errors.
     */
    async restore<Current extends { version: number }, Fields, Saved, Conflict>(
      tx: Transaction,
      target: { ownerId: string; revisionId: string; expectedVersion: number },
      restoring: Restoring<Current, Fields, Saved, Conflict>,
    ): Promise<Saved | Conflict | Invalid | NotFound> {
      const current = await restoring.lock(tx, target.ownerId);
      if (!current) return notFound;
      const revision = await read(tx, target.ownerId, target.revisionId);
      if (!revision) return notFound;
      if (current.version !== target.expectedVersion) return restoring.conflict(current);
      const parsed = restoring.schema.safeParse(revision.snapshot);
      if (!parsed.success) return invalid(fieldErrors(parsed.error));
      return restoring.save(current, parsed.data, revision.version);
    },
  };
}
