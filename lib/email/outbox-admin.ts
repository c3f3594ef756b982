import 'server-only';
import { and, count, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import {
  auditLog,
  emailOutbox,
  emailStatuses,
  type EmailPurpose,
  type EmailStatus,
} from '@/db/schema';
import { assertAdmin, type Actor } from '@/lib/auth/who';
import { deliverEmailNow, retryable } from '@/lib/email/outbox';

export type EmailCounts = Record<EmailStatus, number> & { retrying: number };

/** How many e-mails are in each state; 'retrying' are the pending ones that failed before. */
export async function countEmails(actor: Actor): Promise<EmailCounts> {
  const db = getDb();
  await assertAdmin(db, actor);
  const rows = await db
    .select({
      status: emailOutbox.status,
      total: count(),
      retrying: sql<number>`count(*) filter (where ${emailOutbox.attempts} > 0)::int`,
    })
    .from(emailOutbox)
    .groupBy(emailOutbox.status);
  const counts = Object.fromEntries(emailStatuses.map((status) => [status, 0])) as EmailCounts;
  counts.retrying = 0;
  for (const row of rows) {
    counts[row.status] = row.total;
    if (row.status === 'pending') counts.retrying = row.retrying;
  }
  return counts;
}

export interface EmailProblem {
  id: string;
  recipient: string;
  subject: string;
  purpose: EmailPurpose;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  /** When it is tried again; null once it has failed for good. */
  nextAttemptAt: string | null;
  createdAt: string;
  retryable: boolean;
}

/** E-mails that failed for good or are waiting to be tried again, newest problem first. */
export async function listEmailFailures(actor: Actor, limit = 100): Promise<EmailProblem[]> {
  const db = getDb();
  await assertAdmin(db, actor);
  const rows = await db
    .select({
      id: emailOutbox.id,
      recipient: emailOutbox.recipient,
      subject: emailOutbox.subject,
      purpose: emailOutbox.purpose,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      nextAttemptAt: emailOutbox.nextAttemptAt,
      createdAt: emailOutbox.createdAt,
      retryable: sql<boolean>`${retryable}`,
    })
    .from(emailOutbox)
    .where(
      or(
        eq(emailOutbox.status, 'failed'),
        and(inArray(emailOutbox.status, ['pending', 'sending']), gt(emailOutbox.attempts, 0)),
      ),
    )
    .orderBy(desc(emailOutbox.updatedAt))
    .limit(limit);
  return rows.map((row) => ({
    ...row,
    nextAttemptAt: row.status === 'failed' ? null : row.nextAttemptAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  }));
}

export const retryEmailSchema = z.object({ id: z.uuid() });

export type RetryOutcome = 'sent' | 'queued' | 'unavailable';

/**
 * Sends a failed or waiting e-mail again now; one that failed for good gets a fresh series of
 * attempts. Recorded in the audit log. 'unavailable' when it is sent, being sent, gone, or its
 * link has expired.
 */
export async function retryEmail(actor: Actor, id: string): Promise<RetryOutcome> {
  const requeued = await getDb().transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const [row] = await tx
      .select({
        status: emailOutbox.status,
        attempts: emailOutbox.attempts,
        purpose: emailOutbox.purpose,
      })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.id, id), retryable))
      .for('update');
    if (!row) return false;
    await tx
      .update(emailOutbox)
      .set({
        status: 'pending',
        attempts: row.status === 'failed' ? 0 : row.attempts,
        nextAttemptAt: sql`now()`,
      })
      .where(eq(emailOutbox.id, id));
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: 'email.retried',
      subjectType: 'email',
      subjectId: id,
      detail: { purpose: row.purpose, status: row.status, attempts: row.attempts },
    });
    return true;
  });
  if (!requeued) return 'unavailable';
  return (await deliverEmailNow(id)) ? 'sent' : 'queued';
}
