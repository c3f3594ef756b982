// No 'server-only' here: the instrumentation hook imports this module (through the worker), and
// Next.js refuses that marker there.
import { and, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import { emailOutbox, type EmailOutboxRow, type EmailPurpose } from '@/db/schema';
import { EmailDeliveryError, sendEmail, type EmailMessage } from '@/lib/email/send';
import { logger } from '@/lib/platform/log';

/** Attempts before a message is given up as failed: about a day of retries (see retryDelayMs). */
export const maxAttempts = 30;

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
// Far longer than the SMTP timeouts (lib/email/transport.ts): a 'sending' row older than this
// belongs to a process that died, and another may take it.
const leaseSeconds = 5 * 60;
const maxErrorLength = 1000;
const retentionDays = 30;

/**
 * How long to wait after the nth failed attempt: 1, 2, 4 … minutes, at most an hour, each
 * within ±20 % so that messages which failed together do not all come back together.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(hourMs, minuteMs * 2 ** Math.min(Math.max(attempts - 1, 0), 16));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface EnqueueOptions {
  /** When the link in it stops working: it is not sent after that. */
  expiresAt?: Date;
}

/**
 * Records an e-mail for delivery. Pass the caller's transaction, so the e-mail exists exactly
 * when what caused it does. Returns its id. With a `reference` (what the e-mail is about, such as
 * a donation), a second e-mail with the same purpose and reference is dropped: null.
 */
export async function enqueueEmail(
  db: Database | Transaction,
  message: EmailMessage,
  purpose: EmailPurpose,
  options?: EnqueueOptions,
): Promise<string>;
export async function enqueueEmail(
  db: Database | Transaction,
  message: EmailMessage,
  purpose: EmailPurpose,
  options: EnqueueOptions & { reference: string },
): Promise<string | null>;
export async function enqueueEmail(
  db: Database | Transaction,
  message: EmailMessage,
  purpose: EmailPurpose,
  options: EnqueueOptions & { reference?: string } = {},
): Promise<string | null> {
  const [row] = await db
    .insert(emailOutbox)
    .values({
      purpose,
      reference: options.reference,
      expiresAt: options.expiresAt,
      recipient: message.to,
      replyTo: message.replyTo,
      subject: message.subject,
      text: message.text,
      html: message.html,
    })
    .onConflictDoNothing()
    .returning({ id: emailOutbox.id });
  return row?.id ?? null;
}

export type DeliveryOutcome = 'sent' | 'retrying' | 'failed';

/**
 * Tries one queued e-mail at once, as the request that queued it ends, so the usual path stays
 * instant. Never throws: whatever happens, the message stays queued for the worker.
 */
export async function deliverEmailNow(id: string): Promise<boolean> {
  try {
    const row = await claimOne(eq(emailOutbox.id, id));
    return row ? (await deliverClaimed(row)) === 'sent' : false;
  } catch (error) {
    logger.error({ emailId: id, err: error }, 'e-mail not sent now; the outbox will try again');
    return false;
  }
}

/** Tries several queued e-mails at once, one after another; see deliverEmailNow. */
export async function deliverEmailsNow(ids: string[]): Promise<void> {
  for (const id of ids) await deliverEmailNow(id);
}

/**
 * Sends the e-mails that are due, at most `limit` of them. Safe to run in several processes at
 * once: each row is claimed by one of them (FOR UPDATE SKIP LOCKED) and leased for a while.
 */
export async function deliverDueEmails({ limit = 20 }: { limit?: number } = {}): Promise<
  Record<DeliveryOutcome, number>
> {
  await retireUndeliverable();
  const summary: Record<DeliveryOutcome, number> = { sent: 0, retrying: 0, failed: 0 };
  // One claim per message, so a lease covers one hand-over and never a queue of slow ones.
  for (let taken = 0; taken < limit; taken += 1) {
    const row = await claimOne();
    if (!row) break;
    summary[await deliverClaimed(row)] += 1;
  }
  return summary;
}

/** Deletes settled e-mails after a month; they hold addresses, and nothing needs them then. */
export async function pruneEmailOutbox(): Promise<number> {
  const deleted = await getDb()
    .delete(emailOutbox)
    .where(
      and(
        inArray(emailOutbox.status, ['sent', 'failed']),
        lte(emailOutbox.createdAt, sql`now() - make_interval(days => ${retentionDays})`),
      ),
    )
    .returning({ id: emailOutbox.id });
  return deleted.length;
}

const notExpired = or(isNull(emailOutbox.expiresAt), gt(emailOutbox.expiresAt, sql`now()`));

/** A 'sending' row whose lease has run out, or a 'pending' row whose time has come. */
const due = and(
  inArray(emailOutbox.status, ['pending', 'sending']),
  lte(emailOutbox.nextAttemptAt, sql`now()`),
);

/** Rows an admin may send again: not sent, not being sent, and their link still works. */
export const retryable: SQL = sql`${emailOutbox.status} in ('pending', 'failed')
  and ${emailOutbox.text} is not null
  and (${emailOutbox.expiresAt} is null or ${emailOutbox.expiresAt} > now())`;

async function claimOne(where?: SQL): Promise<EmailOutboxRow | undefined> {
  const db = getDb();
  const candidate = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(due, notExpired, lt(emailOutbox.attempts, maxAttempts), where))
    .orderBy(emailOutbox.nextAttemptAt)
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(emailOutbox)
    .set({
      status: 'sending',
      attempts: sql`${emailOutbox.attempts} + 1`,
      nextAttemptAt: sql`now() + make_interval(secs => ${leaseSeconds})`,
    })
    .where(inArray(emailOutbox.id, candidate))
    .returning();
  return row;
}

// What cannot be claimed any more is settled as failed, keeping the last error for the admin.
async function retireUndeliverable(): Promise<void> {
  const db = getDb();
  await db
    .update(emailOutbox)
    .set({
      status: 'failed',
      text: null,
      html: null,
      lastError: withLastError('Its link expired before it could be sent.'),
    })
    .where(and(due, lte(emailOutbox.expiresAt, sql`now()`)));
  await db
    .update(emailOutbox)
    .set({ status: 'failed', lastError: withLastError(`Gave up after ${maxAttempts} attempts.`) })
    .where(and(due, gte(emailOutbox.attempts, maxAttempts)));
}

function withLastError(reason: string): SQL {
  return sql`concat_ws(' Last error: ', ${reason}::text, ${emailOutbox.lastError})`;
}

// Only the claim that is still current may settle a row: if this process was so slow that its
// lease ran out and another took the row, the other's outcome stands.
const stillOurs = (row: EmailOutboxRow) =>
  and(
    eq(emailOutbox.id, row.id),
    eq(emailOutbox.status, 'sending'),
    eq(emailOutbox.attempts, row.attempts),
  );

async function deliverClaimed(row: EmailOutboxRow): Promise<DeliveryOutcome> {
  try {
    await sendEmail({
      to: row.recipient,
      subject: row.subject,
      // A claimed row is pending or sending, and only sent or expired rows lose their body.
      text: row.text!,
      html: row.html!,
      ...(row.replyTo ? { replyTo: row.replyTo } : {}),
    });
  } catch (error) {
    return recordFailure(row, error);
  }
  await getDb()
    .update(emailOutbox)
    .set({ status: 'sent', sentAt: sql`now()`, text: null, html: null, lastError: null })
    .where(stillOurs(row));
  return 'sent';
}

/** What a failed hand-over means for a message tried `attempts` times: to retry, or not. */
export interface SendFailure {
  outcome: 'failed' | 'retrying';
  /** The refusal was for good (a 5xx to the recipient or the message). */
  permanent: boolean;
  /** Safe to store and show. */
  reason: string;
  /** When a retry is due, from now. */
  delaySeconds: number;
}

/**
 * Judges a failure to send, for the outbox and the newsletters' sender alike; an error that is
 * not an EmailDeliveryError is logged with `context`, as its text may not be safe to show.
 */
export function judgeSendFailure(
  error: unknown,
  attempts: number,
  context: Record<string, unknown>,
  limit = maxAttempts,
): SendFailure {
  const known = error instanceof EmailDeliveryError;
  if (!known) logger.error({ ...context, err: error }, 'e-mail: unexpected error while sending');
  const reason = (known ? error.message : 'Unexpected error; see the server log.').slice(
    0,
    maxErrorLength,
  );
  const permanent = known && error.permanent;
  return {
    outcome: permanent || attempts >= limit ? 'failed' : 'retrying',
    permanent,
    reason,
    delaySeconds: retryDelayMs(attempts) / 1000,
  };
}

async function recordFailure(row: EmailOutboxRow, error: unknown): Promise<DeliveryOutcome> {
  const { outcome, reason, delaySeconds } = judgeSendFailure(error, row.attempts, {
    emailId: row.id,
  });
  await getDb()
    .update(emailOutbox)
    .set(
      outcome === 'failed'
        ? { status: 'failed', lastError: reason }
        : {
            status: 'pending',
            lastError: reason,
            nextAttemptAt: sql`now() + make_interval(secs => ${delaySeconds})`,
          },
    )
    .where(stillOurs(row));
  logger.warn(
    {
      emailId: row.id,
      purpose: row.purpose,
      attempts: row.attempts,
      outcome,
      error: reason,
    },
    'e-mail not sent',
  );
  return outcome;
}
