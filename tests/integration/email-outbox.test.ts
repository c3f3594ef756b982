import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, donations, emailOutbox } from '@/db/schema';
import { AdminOnlyError } from '@/lib/auth/who';
import {
  deliverDueEmails,
  deliverEmailNow,
  deliverEmailsNow,
  enqueueEmail,
  maxAttempts,
  pruneEmailOutbox,
} from '@/lib/email/outbox';
import { countEmails, listEmailFailures, retryEmail } from '@/lib/email/outbox-admin';
import { startEmailWorker } from '@/lib/email/worker';
import { queueReceipts } from '@/lib/giving/receipts';
import { smtpServerForThisFile } from '../support/smtp-server';
import { verifiedUser } from '../support/verified-user';

const smtp = await smtpServerForThisFile({ refuse: ['nobody@example.org'] });
process.env.EMAIL_SERVER = smtp.url;
process.env.SITE_URL = 'https://northgate.example';
afterAll(() => smtp.down());

const message = (to: string) => ({
  to,
  subject: `Hello ${to}`,
  text: `Hello ${to}`,
  html: `<p>Hello ${to}</p>`,
});

const queue = (to: string, options: { expiresAt?: Date } = {}) =>
  enqueueEmail(getDb(), message(to), 'sign_in_link', options);

async function rowOf(id: string) {
  const [row] = await getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row!;
}

/** Moves an e-mail's next attempt into the past, as if its wait were over. */
async function makeDue(id: string) {
  await getDb()
    .update(emailOutbox)
    .set({ nextAttemptAt: sql`now() - interval '1 second'` })
    .where(eq(emailOutbox.id, id));
}

/** Seconds from now until the e-mail's next attempt. */
async function secondsToNextAttempt(id: string) {
  const [row] = await getDb()
    .select({ seconds: sql<number>`extract(epoch from next_attempt_at - now())::float8` })
    .from(emailOutbox)
    .where(eq(emailOutbox.id, id));
  return Number(row!.seconds);
}

beforeEach(async () => {
  await getDb().delete(emailOutbox);
  await smtp.up();
  smtp.received.length = 0;
});

describe('delivery', () => {
  it('records an e-mail only when the transaction that causes it commits, and sends it once', async () => {
    await expect(
      getDb().transaction(async (tx) => {
        await enqueueEmail(tx, message('rolled.back@example.org'), 'verify_email');
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    const [rows] = await getDb().select({ value: count() }).from(emailOutbox);
    expect(rows!.value).toBe(0);

    const id = await getDb().transaction((tx) =>
      enqueueEmail(tx, message('up@example.org'), 'verify_email'),
    );
    expect(await rowOf(id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await deliverDueEmails()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await deliverDueEmails()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    expect(smtp.to('up@example.org').map((mail) => mail.subject)).toEqual(['Hello up@example.org']);
    const sent = await rowOf(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    // The body may carry a sign-in link; once delivered, the database need not keep it.
    expect(sent).toMatchObject({ text: null, html: null });
  });

  it('tries at once for the request that queued it, and keeps it queued when that fails', async () => {
    expect(await deliverEmailNow(await queue('now@example.org'))).toBe(true);
    expect(smtp.to('now@example.org')).toHaveLength(1);

    await smtp.down();
    const id = await queue('later@example.org');
    expect(await deliverEmailNow(id)).toBe(false);
    expect(await rowOf(id)).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('retries with growing waits while the server is down, then delivers exactly once', async () => {
    await smtp.down();
    const id = await queue('patient@example.org');

    expect(await deliverDueEmails()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const first = await rowOf(id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first.lastError).toContain(smtp.url.replace('smtp://', ''));
    expect(first.lastError).toContain('ECONNREFUSED');
    // One minute, within the ±20 % jitter.
    expect(await secondsToNextAttempt(id)).toBeGreaterThan(45);
    expect(await secondsToNextAttempt(id)).toBeLessThan(73);
    // Not due yet: nothing is tried.
    expect(await deliverDueEmails()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    await makeDue(id);
    expect(await deliverDueEmails()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await rowOf(id)).attempts).toBe(2);
    expect(await secondsToNextAttempt(id)).toBeGreaterThan(2 * 60 * 0.8 - 3);
    expect(await secondsToNextAttempt(id)).toBeLessThan(2 * 60 * 1.2 + 1);

    await smtp.up();
    await makeDue(id);
    expect(await deliverDueEmails()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    await makeDue(id);
    expect(await deliverDueEmails()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.to('patient@example.org')).toHaveLength(1);
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('never sends one e-mail twice when several workers run at once', async () => {
    const recipients = Array.from({ length: 12 }, (_, index) => `crowd${index}@example.org`);
    for (const to of recipients) await queue(to);
    const runs = await Promise.all([
      deliverDueEmails({ limit: 5 }),
      deliverDueEmails({ limit: 5 }),
      deliverDueEmails({ limit: 5 }),
    ]);
    expect(runs.reduce((total, run) => total + run.sent, 0)).toBe(12);
    for (const to of recipients) expect(smtp.to(to)).toHaveLength(1);
    const rows = await getDb().select().from(emailOutbox);
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
  });

  it(`gives up after ${maxAttempts} attempts, and at once when the server refuses the address`, async () => {
    await smtp.down();
    const id = await queue('unlucky@example.org');
    await getDb()
      .update(emailOutbox)
      .set({ attempts: maxAttempts - 1 })
      .where(eq(emailOutbox.id, id));
    expect(await deliverDueEmails()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const failed = await rowOf(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: maxAttempts });
    expect(failed.lastError).toContain('ECONNREFUSED');
    await makeDue(id);
    expect(await deliverDueEmails()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    await smtp.up();
    const refused = await queue('nobody@example.org');
    expect(await deliverDueEmails()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await rowOf(refused)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await rowOf(refused)).lastError).toContain('550');
  });

  it('takes over an e-mail whose worker died while sending it, once its lease runs out', async () => {
    const id = await queue('orphan@example.org');
    const claimedBySomeoneElse = {
      status: 'sending' as const,
      attempts: 1,
      nextAttemptAt: sql`now() + interval '5 minutes'`,
    };
    await getDb().update(emailOutbox).set(claimedBySomeoneElse).where(eq(emailOutbox.id, id));
    expect(await deliverDueEmails()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    await makeDue(id);
    expect(await deliverDueEmails()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.to('orphan@example.org')).toHaveLength(1);

    // One that killed its worker every time is given up rather than tried forever.
    const poison = await queue('poison@example.org');
    await getDb()
      .update(emailOutbox)
      .set({ ...claimedBySomeoneElse, attempts: maxAttempts })
      .where(eq(emailOutbox.id, poison));
    await makeDue(poison);
    await deliverDueEmails();
    expect(await rowOf(poison)).toMatchObject({ status: 'failed', attempts: maxAttempts });
    expect((await rowOf(poison)).lastError).toContain(`Gave up after ${maxAttempts} attempts`);
  });

  it('does not send a link after it has expired', async () => {
    await smtp.down();
    const id = await queue('slow@example.org', { expiresAt: new Date(Date.now() + 60 * 60_000) });
    await deliverDueEmails();
    await getDb()
      .update(emailOutbox)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(emailOutbox.id, id));
    await smtp.up();
    await makeDue(id);
    expect(await deliverDueEmails()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const expired = await rowOf(id);
    expect(expired).toMatchObject({ status: 'failed', text: null, html: null });
    expect(expired.lastError).toMatch(
      /^Its link expired before it could be sent\. Last error: .*ECONNREFUSED/,
    );
    expect(smtp.received).toHaveLength(0);
  });

  it('delivers from the background worker started with the server', async () => {
    await queue('background@example.org');
    const stop = startEmailWorker(50);
    try {
      await vi.waitFor(() => expect(smtp.to('background@example.org')).toHaveLength(1), {
        timeout: 5_000,
      });
    } finally {
      stop();
    }
  });

  it('forgets settled e-mails after a month', async () => {
    const old = sql`now() - interval '31 days'`;
    const sent = await queue('old.sent@example.org');
    const waiting = await queue('old.waiting@example.org');
    await getDb()
      .update(emailOutbox)
      .set({ status: 'sent', sentAt: old, createdAt: old })
      .where(eq(emailOutbox.id, sent));
    await getDb().update(emailOutbox).set({ createdAt: old }).where(eq(emailOutbox.id, waiting));
    expect(await pruneEmailOutbox()).toBe(1);
    expect(
      (await getDb().select({ id: emailOutbox.id }).from(emailOutbox)).map((r) => r.id),
    ).toEqual([waiting]);
  });
});

describe('receipts', () => {
  it('are queued with their gift, once, and arrive when the server is back', async () => {
    const [gift] = await getDb()
      .insert(donations)
      .values({
        email: 'giver@example.org',
        donorName: 'Grace Giver',
        frequency: 'one_off',
        amountMinor: 4200,
        currency: 'GBP',
        status: 'succeeded',
        paidAt: new Date(),
      })
      .returning();
    await smtp.down();
    const receipt = () =>
      getDb()
        .transaction((tx) => queueReceipts(tx, [gift!.id]))
        .then(deliverEmailsNow);
    await Promise.all([receipt(), receipt()]);
    await receipt();
    const rows = await getDb()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.purpose, 'receipt'), eq(emailOutbox.reference, gift!.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      recipient: 'giver@example.org',
    });
    const [donation] = await getDb().select().from(donations).where(eq(donations.id, gift!.id));
    expect(donation!.receiptSentAt).toBeInstanceOf(Date);
    // The unique reference holds even for a caller that skips the donation's own flag.
    expect(
      await enqueueEmail(getDb(), message('giver@example.org'), 'receipt', {
        reference: gift!.id,
      }),
    ).toBeNull();

    await smtp.up();
    await makeDue(rows[0]!.id);
    await deliverDueEmails();
    const receipts = smtp.to('giver@example.org');
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.text).toContain('We received your gift of £42.00');
  });
});

describe('the admin view', () => {
  const people: Record<'admin' | 'member', { id: string }> = {
    admin: { id: '' },
    member: { id: '' },
  };

  beforeAll(async () => {
    people.admin = await verifiedUser('outbox.admin@example.org', 'admin');
    people.member = await verifiedUser('outbox.member@example.org', 'member');
  });

  it('counts e-mails, lists failures and retrying ones, and sends one again on request', async () => {
    await deliverEmailNow(await queue('fine@example.org'));
    await smtp.down();
    const retrying = await queue('retrying@example.org');
    await deliverEmailNow(retrying);
    const failed = await queue('failed@example.org');
    await getDb()
      .update(emailOutbox)
      .set({ attempts: maxAttempts - 1 })
      .where(eq(emailOutbox.id, failed));
    await deliverEmailNow(failed);
    await queue('waiting@example.org');

    expect(await countEmails(people.admin)).toEqual({
      pending: 2,
      retrying: 1,
      sending: 0,
      sent: 1,
      failed: 1,
    });
    const problems = await listEmailFailures(people.admin);
    expect(problems.map((problem) => [problem.recipient, problem.status]).sort()).toEqual([
      ['failed@example.org', 'failed'],
      ['retrying@example.org', 'pending'],
    ]);
    const failure = problems.find((problem) => problem.id === failed)!;
    expect(failure).toMatchObject({
      subject: 'Hello failed@example.org',
      purpose: 'sign_in_link',
      attempts: maxAttempts,
      nextAttemptAt: null,
      retryable: true,
    });
    expect(failure.lastError).toContain('ECONNREFUSED');
    expect(failure).not.toHaveProperty('text');
    expect(problems.find((problem) => problem.id === retrying)!.nextAttemptAt).toEqual(
      expect.any(String),
    );

    // Still down: a retry starts a fresh series of attempts.
    expect(await retryEmail(people.admin, failed)).toBe('queued');
    expect(await rowOf(failed)).toMatchObject({ status: 'pending', attempts: 1 });

    await smtp.up();
    expect(await retryEmail(people.admin, failed)).toBe('sent');
    expect(smtp.to('failed@example.org')).toHaveLength(1);
    expect(await retryEmail(people.admin, failed)).toBe('unavailable');
    const entries = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'email.retried'), eq(auditLog.subjectId, failed)));
    expect(entries.map((entry) => [entry.actorId, entry.detail])).toEqual([
      [people.admin.id, { purpose: 'sign_in_link', status: 'failed', attempts: maxAttempts }],
      [people.admin.id, { purpose: 'sign_in_link', status: 'pending', attempts: 1 }],
    ]);
  });

  it('refuses anyone but an active admin, whatever their session says', async () => {
    await smtp.down();
    const id = await queue('guarded@example.org');
    await getDb().update(emailOutbox).set({ status: 'failed' }).where(eq(emailOutbox.id, id));
    await expect(countEmails(people.member)).rejects.toBeInstanceOf(AdminOnlyError);
    await expect(listEmailFailures(people.member)).rejects.toBeInstanceOf(AdminOnlyError);
    await expect(retryEmail(people.member, id)).rejects.toBeInstanceOf(AdminOnlyError);
    await expect(retryEmail({ id: 'no-such-user' }, id)).rejects.toBeInstanceOf(AdminOnlyError);
    expect(await rowOf(id)).toMatchObject({ status: 'failed', attempts: 0 });
    const [entries] = await getDb()
      .select({ value: count() })
      .from(auditLog)
      .where(eq(auditLog.subjectId, id));
    expect(entries!.value).toBe(0);
  });
});
