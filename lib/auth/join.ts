import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { getSiteConfig } from '@/lib/config/site';
import { recordJoinSubscription } from '@/lib/newsletters/join-offer';
import { queueLinkEmail, signInLinkEmail, signInLinkMinutes, signInUrl } from './email-links';
import { throttleEmail } from './email-throttle';
import { hashPassword } from './password';
import { emailSchema, newPasswordSchema } from './password-policy';
import { safeReturnPath } from './redirects';
import type { IssuedToken } from './tokens';
import { queueVerificationEmail } from './verification-email';

export const joinSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(200, 'Use at most 200 characters.'),
  email: emailSchema,
  password: newPasswordSchema,
  consent: z.literal('on', { error: 'Please agree to the privacy notice to join.' }),
  newsletter: z.literal('on').optional(),
  // The page joined from, such as a members-only article, to open once the address is verified.
  returnPath: z.unknown().transform(safeReturnPath).optional(),
});

export type JoinInput = z.infer<typeof joinSchema>;

export type JoinOutcome =
  { ok: true; emails: string[] } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Creates an unverified member and queues the e-mail whose link verifies the address and signs
 * them in. An address that already has an account gets a sign-in link instead, and the caller
 * answers both the same way. Nothing is sent from here: the caller sends the queued e-mails once
 * its answer has gone, so a slow mail server neither delays nor gives away the answer.
 */
export async function joinAsMember(input: JoinInput, ip: string): Promise<JoinOutcome> {
  const throttle = await throttleEmail(input.email, ip);
  if (!throttle.ok)
    return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
  if (!throttle.send) return { ok: true, emails: [] };

  const passwordHash = await hashPassword(input.password);
  const email = await getDb().transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        passwordHash,
        newsletterOptIn: input.newsletter === 'on',
        privacyConsentAt: new Date(),
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    const returnPath = input.returnPath;
    if (created) {
      if (input.newsletter === 'on') {
        await recordJoinSubscription(tx, { id: created.id, email: input.email });
      }
      return queueVerificationEmail(tx, { userId: created.id, email: input.email, returnPath });
    }
    const [existing] = await tx
      .select({ id: users.id, emailVerified: users.emailVerified })
      .from(users)
      .where(eq(users.email, input.email));
    return queueLinkEmail(
      tx,
      { userId: existing!.id, email: input.email, returnPath },
      accountExistsEmail(existing!.emailVerified !== null),
    );
  });
  return { ok: true, emails: [email] };
}

// What someone who joins with an address that has an account gets: a way in, whoever they are.
function accountExistsEmail(verified: boolean) {
  const site = getSiteConfig();
  return {
    ...signInLinkEmail(),
    withCode: false,
    emailPurpose: 'account_exists' as const,
    subject: `Your ${site.name} account`,
    content: ({ token }: IssuedToken) => ({
      heading: 'You already have an account',
      paragraphs: [
        'Someone, probably you, tried to join with this e-mail address, which already has an account.',
        verified
          ? 'Log in with your password, or open the link and press the button to sign in.'
          : 'Its address has not been verified yet. Open the link and press the button to sign in: that verifies it. A password chosen before the address was verified is removed, in case someone else chose it; set a new one on your account page afterwards.',
        `The link works once and expires in ${signInLinkMinutes} minutes.`,
      ],
      action: { label: 'Sign in', url: signInUrl(token) },
      footer: 'If this was not you, ignore this e-mail: nothing has changed.',
    }),
  };
}
