import 'server-only';
import { and, eq, notExists } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { newsletterSubscribers, newsletterSuppressions } from '@/db/schema';
import { emailSchema } from '@/lib/auth/password-policy';
import { enqueueEmail } from '@/lib/email/outbox';
import { maskEmail } from '@/lib/platform/log';
import { requestLogger } from '@/lib/platform/request-log';
import { hitRateLimits, type RateRule } from '@/lib/security/rate-limit';
import { tryAgainMessage } from '@/lib/security/retry-message';
import { fieldErrors, type FieldErrors } from '@/lib/validation/form';
import { preferencesLinkEmail } from './emails';

// As generous as the sign-up's: many readers ask from behind one office's address.
export const preferencesLinkPerIp: RateRule = {
  bucket: 'newsletter-preferences-link:ip',
  limit: 60,
  windowSeconds: 3600,
};
// Each request may e-mail the address: this keeps anyone from filling a stranger's inbox.
export const preferencesLinkPerEmail: RateRule = {
  bucket: 'newsletter-preferences-link:email',
  limit: 3,
  windowSeconds: 3600,
};

const requestSchema = z.object({ email: emailSchema });

export type PreferencesLinkOutcome =
  | { ok: true; emailIds: string[] }
  | { ok: false; reason: 'invalid'; errors: FieldErrors }
  | { ok: false; reason: 'throttled' | 'unavailable'; message: string };

/**
 * A reader asks for their preferences link by address. A subscriber we may write to is sent it;
 * anyone else, or a filled-in honeypot, nothing. The answer is the same either way, so the form
 * tells nobody who is on our lists.
 */
export async function requestPreferencesLink(
  input: { email: string; website?: string },
  ip: string,
): Promise<PreferencesLinkOutcome> {
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', errors: fieldErrors(parsed.error) };
  if (input.website) return { ok: true, emailIds: [] };
  const { email } = parsed.data;
  try {
    return await sendLink(email, ip);
  } catch (error) {
    (await requestLogger()).error(
      { err: error, subscriber: maskEmail(email) },
      'newsletter preferences link not sent: the database could not be reached',
    );
    return {
      ok: false,
      reason: 'unavailable',
      message: 'We could not send your link just now. Please try again in a few minutes.',
    };
  }
}

async function sendLink(email: string, ip: string): Promise<PreferencesLinkOutcome> {
  const throttle = await hitRateLimits([
    { rule: preferencesLinkPerIp, subject: ip },
    { rule: preferencesLinkPerEmail, subject: email },
  ]);
  if (!throttle.allowed) {
    return {
      ok: false,
      reason: 'throttled',
      message: tryAgainMessage(throttle.retryAfterSeconds, 'requests'),
    };
  }
  const db = getDb();
  const [subscriber] = await db
    .select({ id: newsletterSubscribers.id })
    .from(newsletterSubscribers)
    .where(
      and(
        eq(newsletterSubscribers.email, email),
        notExists(
          db
            .select({ email: newsletterSuppressions.email })
            .from(newsletterSuppressions)
            .where(eq(newsletterSuppressions.email, email)),
        ),
      ),
    );
  if (!subscriber) return { ok: true, emailIds: [] };
  const id = await enqueueEmail(
    db,
    preferencesLinkEmail(email, subscriber.id),
    'newsletter_preferences',
  );
  return { ok: true, emailIds: [id] };
}
