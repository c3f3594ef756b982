import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { getSiteConfig } from '@/lib/config/site';
import { deliverEmailNow, enqueueEmail } from '@/lib/email/outbox';
import { renderEmail } from '@/lib/email/render';
import { claimGuestGifts } from '@/lib/giving/claim';
import { hitRateLimits } from '@/lib/security/rate-limit';
import type { RequestOutcome } from './email-links';
import { emailPerAddress, emailPerIp } from './throttles';
import { consumeToken, issueToken } from './tokens';

const confirmMinutes = 24 * 60;

/**
 * Sends a confirmation link to the new address (queued with its token, tried at once); the
 * change happens only when it is followed. An address that belongs to another account gets no
 * link, and the answer is the same.
 */
export async function requestEmailChange(
  userId: string,
  newEmail: string,
  ip: string,
): Promise<RequestOutcome> {
  const decision = await hitRateLimits([
    { rule: emailPerAddress, subject: newEmail },
    { rule: emailPerIp, subject: ip },
  ]);
  if (!decision.allowed) return { ok: false, retryAfterSeconds: decision.retryAfterSeconds };
  const db = getDb();
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, newEmail));
  if (taken) return { ok: true };
  const site = getSiteConfig();
  const id = await db.transaction(async (tx) => {
    const { token } = await issueToken(tx, {
      purpose: 'email_change',
      email: newEmail,
      userId,
      ttlMinutes: confirmMinutes,
    });
    const message = {
      to: newEmail,
      subject: `Confirm your new e-mail address for ${site.name}`,
      ...renderEmail({
        heading: 'Confirm your new address',
        paragraphs: [
          'Open the link and press the button to use this address for your account. It works once and expires in 24 hours.',
        ],
        action: { label: 'Confirm this address', url: `${site.url}/confirm-email?token=${token}` },
        footer:
          'You received this because someone asked to move an account to this address. If it was not you, ignore it.',
      }),
    };
    return enqueueEmail(tx, message, 'email_change', {
      expiresAt: new Date(Date.now() + confirmMinutes * 60_000),
    });
  });
  await deliverEmailNow(id);
  return { ok: true };
}

/** Moves the account to the confirmed address; false for a spent or stale link, or a taken address. */
export async function confirmEmailChange(rawToken: string): Promise<boolean> {
  const token = await consumeToken('email_change', rawToken);
  if (!token?.userId) return false;
  const db = getDb();
  const [clash] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, token.email), ne(users.id, token.userId)));
  if (clash) return false;
  await db
    .update(users)
    .set({
      email: token.email,
      emailVerified: new Date(),
      sessionVersion: sql`${users.sessionVersion} + 1`,
    })
    .where(eq(users.id, token.userId));
  await claimGuestGifts(token.userId);
  return true;
}
