import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { getSiteConfig } from '@/lib/config/site';
import { deliverEmailNow, enqueueEmail } from '@/lib/email/outbox';
import { renderEmail } from '@/lib/email/render';
import { claimGuestGifts } from '@/lib/giving/claim';
import { hitRateLimits } from '@/lib/security/rate-limit';
import { hashPassword } from './password';
import { emailSchema, newPasswordSchema } from './password-policy';
import { emailPerAddress, emailPerIp } from './throttles';
import { consumeToken, issueToken } from './tokens';

export const joinSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(200, 'Use at most 200 characters.'),
  email: emailSchema,
  password: newPasswordSchema,
  consent: z.literal('on', { error: 'Please agree to the privacy notice to join.' }),
  newsletter: z.literal('on').optional(),
});

export type JoinInput = z.infer<typeof joinSchema>;

/** `emailDelayed`: the mail server did not take the e-mail at once; it is retried for a while. */
export type JoinOutcome =
  | { ok: true; emailDelayed: boolean }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

const verificationMinutes = 24 * 60;

/**
 * Creates an unverified member and e-mails a verification link. An address that already has an
 * account gets a note instead, and the caller answers both the same way. The e-mail is queued
 * with the account, so a mail server that is down delays it instead of losing the account.
 */
export async function joinAsMember(input: JoinInput, ip: string): Promise<JoinOutcome> {
  const decision = await hitRateLimits([
    { rule: emailPerAddress, subject: input.email },
    { rule: emailPerIp, subject: ip },
  ]);
  if (!decision.allowed)
    return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };

  const site = getSiteConfig();
  const db = getDb();
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, input.email));
  if (existing) {
    const id = await enqueueEmail(
      db,
      {
        to: input.email,
        subject: `Your ${site.name} account`,
        ...renderEmail({
          heading: 'You already have an account',
          paragraphs: [
            'Someone, probably you, tried to join with this e-mail address, which already has an account.',
            'Log in with your password, or ask for a sign-in link on the log-in page. If this was not you, you can ignore this e-mail.',
          ],
          action: { label: 'Log in', url: `${site.url}/login` },
        }),
      },
      'account_exists',
    );
    return { ok: true, emailDelayed: !(await deliverEmailNow(id)) };
  }

  const passwordHash = await hashPassword(input.password);
  const emailId = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        passwordHash,
        newsletterOptIn: input.newsletter === 'on',
        privacyConsentAt: new Date(),
      })
      .returning({ id: users.id });
    const { token, code } = await issueToken(tx, {
      purpose: 'verify_email',
      email: input.email,
      userId: user!.id,
      ttlMinutes: verificationMinutes,
    });
    return enqueueEmail(
      tx,
      {
        to: input.email,
        subject: `Verify your e-mail address for ${site.name}`,
        ...renderEmail({
          heading: `Welcome to ${site.name}`,
          paragraphs: [
            `Thank you for joining, ${input.name}. Verify your e-mail address to start reading members-only work.`,
            'The link works once and expires in 24 hours.',
          ],
          action: {
            label: 'Verify my e-mail address',
            url: `${site.url}/verify-email?token=${token}`,
          },
          code,
          footer:
            'You received this because this address was used to join. If it was not you, ignore this e-mail.',
        }),
      },
      'verify_email',
      { expiresAt: new Date(Date.now() + verificationMinutes * 60_000) },
    );
  });
  return { ok: true, emailDelayed: !(await deliverEmailNow(emailId)) };
}

/** Marks the address behind a verification link as verified; false when the link is spent or stale. */
export async function verifyEmail(rawToken: string): Promise<boolean> {
  const token = await consumeToken('verify_email', rawToken);
  if (!token?.userId) return false;
  await getDb().update(users).set({ emailVerified: new Date() }).where(eq(users.id, token.userId));
  await claimGuestGifts(token.userId);
  return true;
}
