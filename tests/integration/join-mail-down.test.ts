import { eq, sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { authTokens, emailOutbox, users } from '@/db/schema';
import {
  requestSignInLink,
  signInWithLinkToken,
  signInWithVerification,
} from '@/lib/auth/email-links';
import { joinAsMember } from '@/lib/auth/join';
import { deliverDueEmails, deliverEmailNow } from '@/lib/email/outbox';
import { smtpServerForThisFile } from '../support/smtp-server';

// The mail server is down (nothing listens on its port) until a test brings it up.
const smtp = await smtpServerForThisFile();
process.env.EMAIL_SERVER = smtp.url;
process.env.SITE_URL = 'https://northgate.example';
afterAll(() => smtp.down());

async function outboxFor(recipient: string) {
  return getDb().select().from(emailOutbox).where(eq(emailOutbox.recipient, recipient));
}

/** As if the retry's wait were over, and the worker ran. */
async function runWorkerLater() {
  await getDb()
    .update(emailOutbox)
    .set({ nextAttemptAt: sql`now() - interval '1 second'` });
  return deliverDueEmails();
}

const tokenIn = (text: string, route: string) =>
  text.match(new RegExp(`${route}\\?token=([\\w-]+)`))![1]!;

it('joins while the mail server is down, and the verification e-mail follows when it is back', async () => {
  await smtp.down();
  const input = {
    name: 'Unlucky',
    email: 'unlucky@example.org',
    password: 'a long unlucky phrase',
    consent: 'on' as const,
  };
  const joined = await joinAsMember(input, '203.0.113.50');
  expect(joined).toMatchObject({ ok: true, emails: [expect.any(String)] });
  // What the join action does once it has answered.
  expect(await deliverEmailNow(joined.ok ? joined.emails[0]! : '')).toBe(false);
  const [user] = await getDb().select().from(users).where(eq(users.email, input.email));
  expect(user).toMatchObject({ name: 'Unlucky', emailVerified: null });
  const [queued] = await outboxFor(input.email);
  expect(queued).toMatchObject({ purpose: 'verify_email', status: 'pending', attempts: 1 });
  expect(queued!.lastError).toContain('ECONNREFUSED');
  expect(queued!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);

  await smtp.up();
  expect(await runWorkerLater()).toEqual({ sent: 1, retrying: 0, failed: 0 });
  const [mail] = smtp.to(input.email);
  expect(mail!.subject).toContain('Verify your e-mail address');
  expect(
    await signInWithVerification(tokenIn(mail!.text!, 'verify-email'), '203.0.113.50'),
  ).toMatchObject({ ok: true });
  expect(await runWorkerLater()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  expect(smtp.to(input.email)).toHaveLength(1);
});

it('answers a sign-in link request as usual while the mail server is down; the link follows', async () => {
  await smtp.down();
  const [user] = await getDb()
    .insert(users)
    .values({ email: 'waiting@example.org', emailVerified: new Date() })
    .returning();
  const requested = await requestSignInLink(user!.email, '203.0.113.51');
  expect(requested).toMatchObject({ ok: true, emails: [expect.any(String)] });
  expect(await deliverEmailNow(requested.ok ? requested.emails[0]! : '')).toBe(false);
  const [token] = await getDb().select().from(authTokens).where(eq(authTokens.email, user!.email));
  const [queued] = await outboxFor(user!.email);
  expect(queued).toMatchObject({ purpose: 'sign_in_link', status: 'pending', attempts: 1 });
  // Not worth sending after the link inside has stopped working.
  expect(queued!.expiresAt!.getTime()).toBeCloseTo(token!.expiresAt.getTime(), -3);

  await smtp.up();
  await runWorkerLater();
  const [mail] = smtp.to(user!.email);
  expect(
    await signInWithLinkToken(tokenIn(mail!.text!, 'login/link'), '203.0.113.51'),
  ).toMatchObject({ ok: true, user: { id: user!.id } });
});
