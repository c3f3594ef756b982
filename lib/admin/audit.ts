import 'server-only';
import { and, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Transaction } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { assertAdmin, type Actor } from '@/lib/auth/who';
import type { Page } from '@/lib/content/types';

export type AdminAuditAction =
  | 'donations.exported'
  | 'gift_aid.claim_exported'
  | 'newsletter_subscribers.exported'
  | 'newsletter_subscribers.imported'
  | 'newsletter_suppressions.added'
  | 'newsletter_suppressions.removed';

export async function recordAdminAction(
  tx: Transaction,
  actor: Actor,
  action: AdminAuditAction,
  detail: Record<string, unknown>,
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.id,
    action,
    subjectType: action.slice(0, action.indexOf('.')),
    detail,
  });
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blankToUndefined = (value: unknown) => {
  const one = first(value);
  return typeof one === 'string' && one.trim() === '' ? undefined : one;
};

// From URL search parameters: anything malformed falls back to "no filter" or the first page.
export const auditQuerySchema = z.object({
  actorId: z.preprocess(blankToUndefined, z.string().max(100).optional().catch(undefined)),
  action: z.preprocess(blankToUndefined, z.string().max(100).optional().catch(undefined)),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).catch(1)),
  pageSize: z.preprocess(first, z.coerce.number().int().min(1).max(200).catch(50)),
});

export type AuditQuery = z.output<typeof auditQuerySchema>;

/** As read from the URL: strings, possibly repeated; values that do not fit are ignored. */
export type AuditQueryInput = Partial<Record<keyof AuditQuery, string | string[] | number>>;

export interface AuditEntry {
  id: number;
  createdAt: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  actorId: string | null;
  actorEmail: string | null;
  detail: unknown;
}

/** The audit log, newest first, with each actor's e-mail address (gone if the account is). */
export async function listAuditLog(
  actor: Actor,
  input: AuditQueryInput = {},
): Promise<Page<AuditEntry> & { query: AuditQuery }> {
  const db = getDb();
  await assertAdmin(db, actor);
  const query = auditQuerySchema.parse(input);
  const where = and(
    query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
    query.action ? eq(auditLog.action, query.action) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        createdAt: auditLog.createdAt,
        action: auditLog.action,
        subjectType: auditLog.subjectType,
        subjectId: auditLog.subjectId,
        actorId: auditLog.actorId,
        actorEmail: users.email,
        detail: auditLog.detail,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(auditLog).where(where),
  ]);
  const totalCount = total?.value ?? 0;
  return {
    items: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    page: query.page,
    pageSize: query.pageSize,
    total: totalCount,
    pageCount: Math.max(1, Math.ceil(totalCount / query.pageSize)),
    query,
  };
}

/** Every action the log holds, for the filter's choices. */
export async function listAuditActions(actor: Actor): Promise<string[]> {
  const db = getDb();
  await assertAdmin(db, actor);
  const rows = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action);
  return rows.map((row) => row.action);
}
