import 'server-only';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { getSiteConfig } from '@/lib/config/site';
import { enqueueEmail } from '@/lib/email/outbox';
import { renderEmail } from '@/lib/email/render';
import { maskEmail } from '@/lib/platform/log';
import { claimGuestGifts } from '@/lib/giving/claim';
import type { EmailedSignIn } from './email-links';
import { throttleEmail } from './email-throttle';
import { confirmIdentity } from './identity';
import { endAllSessions } from './sessions';
import { getSessionUser } from './sign-in';
import { consumeToken, issueToken } from './tokens';

const confirmMinutes = 24 * 60;
/** How long the old address can take the account back after a change. */
export const undoDays = 7;

export type EmailChangeOutcome =
  | { ok: true; emails: string[] }
  | { ok: false; reason: 'wrong-password' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Sends a confirmation link to the new address (queued with its token); the change happens only
 * when it is followed. The owner must have signed in within the last few minutes or give the
 * account's password. An address that belongs to another account gets no link, and the answer
 * is the same.
 */
export async function requestEmailChange(
  userId: string,
  newEmail: string,
  proof: { password: unknown; signedInAt: Date },
  ip: string,
): Promise<EmailChangeOutcome> {
  const identity = await confirmIdentity(userId, proof, ip);
  if (!identity.ok) return identity;
  const throttle = await throttleEmail(newEmail, ip);
  if (!throttle.ok) return { ...throttle, reason: 'throttled' };
  if (!throttle.send) return { ok: true, emails: [] };
  const db = getDb();
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, newEmail));
  if (taken) return { ok: true, emails: [] };
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
  return { ok: true, emails: [id] };
}

export type EmailChangeConfirmation = { ok: true; emails: string[] } | { ok: false };

/**
 * Moves the account to the confirmed address and ends its sessions, and tells the old address,
 * with a link that takes the account back for a week. Refused for a spent or stale link, or an
 * address another account has taken meanwhile.
 */
export async function confirmEmailChange(rawToken: string): Promise<EmailChangeConfirmation> {
  const token = await consumeToken('email_change', rawToken);
  if (!token?.userId) return { ok: false };
  const userId = token.userId;
  const site = getSiteConfig();
  const notice = await getDb().transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, token.email), ne(users.id, userId)));
    if (clash) return null;
    const [before] = await tx
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, userId));
    if (!before) return null;
    await tx
      .update(users)
      .set({ email: token.email, emailVerified: new Date() })
      .where(eq(users.id, userId));
    await endAllSessions(userId, tx);
    const undo = await issueToken(tx, {
      purpose: 'email_change_undo',
      email: before.email,
      userId,
      ttlMinutes: undoDays * 24 * 60,
    });
    return enqueueEmail(
      tx,
      {
        to: before.email,
        subject: `The e-mail address of your ${site.name} account has changed`,
        ...renderEmail({
          heading: 'Your account has a new e-mail address',
          paragraphs: [
            `Your account now uses ${maskEmail(token.email)} instead of this address, and every device signed in to it has been signed out.`,
            `If you made this change, there is nothing to do. If you did not, open the link and press the button within ${undoDays} days: the account comes back to this address, everyone is signed out of it, its password is removed, and you choose a new one.`,
          ],
          action: {
            label: 'This was not me: take my account back',
            url: `${site.url}/undo-email-change?token=${undo.token}`,
          },
          footer: 'You received this because this address was the one on the account.',
        }),
      },
      'email_changed',
      { expiresAt: new Date(Date.now() + undoDays * 24 * 60 * 60_000) },
    );
  });
  if (!notice) return { ok: false };
  await claimGuestGifts(userId);
  return { ok: true, emails: [notice] };
}

/**
 * Takes an account back to the address it had before a change, from the link sent to that
 * address: the one who changed it may hold the password and sessions, so every session ends and
 * the password is removed; the person who followed the link is signed in, to choose a new one.
 * An unverified account made meanwhile with the old address gives way; a verified one wins.
 */
export async function undoEmailChange(rawToken: string): Promise<EmailedSignIn> {
  const token = await consumeToken('email_change_undo', rawToken);
  if (!token?.userId) return { ok: false, reason: 'invalid' };
  const userId = token.userId;
  const restored = await getDb().transaction(async (tx) => {
    const [holder] = await tx
      .select({ id: users.id, emailVerified: users.emailVerified })
      .from(users)
      .where(and(eq(users.email, token.email), ne(users.id, userId)));
    if (holder?.emailVerified) return false;
    if (holder) {
      await tx.delete(users).where(and(eq(users.id, holder.id), isNull(users.emailVerified)));
    }
    const updated = await tx
      .update(users)
      .set({ email: token.email, emailVerified: new Date(), passwordHash: null })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    await endAllSessions(userId, tx);
    return updated.length > 0;
  });
  if (!restored) return { ok: false, reason: 'invalid' };
  const user = await getSessionUser(userId);
  return user ? { ok: true, user } : { ok: false, reason: 'invalid' };
}
