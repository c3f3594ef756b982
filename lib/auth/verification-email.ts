import 'server-only';
import type { Transaction } from '@/db/client';
import { getSiteConfig } from '@/lib/config/site';
import { enqueueEmail } from '@/lib/email/outbox';
import { renderEmail } from '@/lib/email/render';
import { unverifiedAccountDays } from '@/lib/housekeeping/prune';
import { issueToken } from './tokens';

export const verificationHours = 24;

/**
 * Queues the e-mail whose link verifies a new member's address and signs them in, in the
 * caller's transaction; returns its outbox id. It names no one: whoever joined chose the name,
 * and it may not be the inbox's owner.
 */
export async function queueVerificationEmail(
  tx: Transaction,
  account: { userId: string; email: string; returnPath?: string },
): Promise<string> {
  const site = getSiteConfig();
  const { token } = await issueToken(tx, {
    purpose: 'verify_email',
    email: account.email,
    userId: account.userId,
    ttlMinutes: verificationHours * 60,
    returnPath: account.returnPath,
  });
  return enqueueEmail(
    tx,
    {
      to: account.email,
      subject: `Verify your e-mail address for ${site.name}`,
      ...renderEmail({
        heading: `Welcome to ${site.name}`,
        paragraphs: [
          `Thank you for joining. Open the link and press the button on the page it opens: that verifies your address and signs you in, and members-only work opens to you${account.returnPath ? ', starting with the page you joined from' : ''}.`,
          `The link works once and expires in ${verificationHours} hours.`,
          `Did not join? Then someone typed your address by mistake or on purpose. Do not press the button: nobody can sign in to an account whose address is not verified, and it is removed after ${unverifiedAccountDays} days.`,
        ],
        action: {
          label: 'Verify my e-mail address',
          url: `${site.url}/verify-email?token=${token}`,
        },
        footer: 'You received this because this address was used to join.',
      }),
    },
    'verify_email',
    { expiresAt: new Date(Date.now() + verificationHours * 60 * 60_000) },
  );
}
