// The suppression list, for administrators: addresses no newsletter goes to, whatever their
// subscriptions say. Sending adds the addresses whose mail server refuses for good; an
// administrator adds one on request and may take one off. Every change is audited.
import 'server-only';
import { count, desc, asc, eq, ilike } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { newsletterSuppressions, type SuppressionReason } from '@/db/schema';
import { recordAdminAction } from '@/lib/admin/audit';
import { emailSchema } from '@/lib/auth/password-policy';
import { assertAdmin, type Actor } from '@/lib/auth/who';
import { fieldErrors, type FieldErrors } from '@/lib/validation/form';

export const suppressionsPageSize = 50;

export interface SuppressionRow {
  email: string;
  reason: SuppressionReason;
  detail: string;
  createdAt: Date;
}

export interface SuppressionPage {
  rows: SuppressionRow[];
  total: number;
  page: number;
  pages: number;
  /** The search as applied: trimmed, lower-cased, at most an address long. */
  search: string;
}

// `%`, `_` and the escape character itself match only themselves in a search.
const likeText = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** One page of the list, newest first, of the addresses containing `search` (any case). */
export async function listSuppressions(
  actor: Actor,
  input: { search?: string; page?: string },
): Promise<SuppressionPage> {
  return getDb().transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const search = (input.search ?? '').trim().toLowerCase().slice(0, 254);
    const where = search ? ilike(newsletterSuppressions.email, `%${likeText(search)}%`) : undefined;
    const [counted] = await tx.select({ n: count() }).from(newsletterSuppressions).where(where);
    const total = counted?.n ?? 0;
    const pages = Math.max(1, Math.ceil(total / suppressionsPageSize));
    const page = Math.min(pages, Math.max(1, Number.parseInt(input.page ?? '1', 10) || 1));
    const rows = await tx
      .select({
        email: newsletterSuppressions.email,
        reason: newsletterSuppressions.reason,
        detail: newsletterSuppressions.detail,
        createdAt: newsletterSuppressions.createdAt,
      })
      .from(newsletterSuppressions)
      .where(where)
      .orderBy(desc(newsletterSuppressions.createdAt), asc(newsletterSuppressions.email))
      .limit(suppressionsPageSize)
      .offset((page - 1) * suppressionsPageSize);
    return { rows, total, page, pages, search };
  });
}

export const suppressionInputSchema = z.object({
  email: emailSchema,
  note: z.string().trim().max(500, 'Keep the note to 500 characters.'),
});

export type SuppressionInput = z.input<typeof suppressionInputSchema>;

export type SuppressionAdded =
  { ok: true; email: string } | { ok: false; reason: 'invalid'; fieldErrors: FieldErrors };

/** Stops every newsletter to an address, with the administrator's note; audited. */
export async function addSuppression(
  actor: Actor,
  input: SuppressionInput,
): Promise<SuppressionAdded> {
  return getDb().transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const parsed = suppressionInputSchema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, reason: 'invalid', fieldErrors: fieldErrors(parsed.error) };
    }
    const { email, note } = parsed.data;
    const [added] = await tx
      .insert(newsletterSuppressions)
      .values({ email, reason: 'admin', detail: note })
      .onConflictDoNothing()
      .returning({ email: newsletterSuppressions.email });
    if (!added) {
      return {
        ok: false,
        reason: 'invalid',
        fieldErrors: { email: `${email} is already on the suppression list.` },
      };
    }
    await recordAdminAction(tx, actor, 'newsletter_suppressions.added', { email, note });
    return { ok: true, email };
  });
}

export type SuppressionRemoved =
  { ok: true; email: string; reason: SuppressionReason } | { ok: false; reason: 'not-found' };

/**
 * Takes an address off the list, so newsletters it is subscribed to reach it again; audited
 * with what the list said of it. A bounced address goes back on by itself if it bounces again.
 */
export async function removeSuppression(actor: Actor, email: string): Promise<SuppressionRemoved> {
  return getDb().transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const [removed] = await tx
      .delete(newsletterSuppressions)
      .where(eq(newsletterSuppressions.email, email.trim().toLowerCase()))
      .returning({
        email: newsletterSuppressions.email,
        reason: newsletterSuppressions.reason,
        detail: newsletterSuppressions.detail,
        createdAt: newsletterSuppressions.createdAt,
      });
    if (!removed) return { ok: false, reason: 'not-found' };
    await recordAdminAction(tx, actor, 'newsletter_suppressions.removed', {
      email: removed.email,
      reason: removed.reason,
      detail: removed.detail,
      since: removed.createdAt.toISOString(),
    });
    return { ok: true, email: removed.email, reason: removed.reason };
  });
}
