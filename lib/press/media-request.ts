import 'server-only';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Transaction } from '@/db/client';
import { pressContacts } from '@/db/schema';
import { emailSchema } from '@/lib/auth/password-policy';
import { getSiteConfig } from '@/lib/config/site';
import { optionalContactPhone } from '@/lib/editorial/contact-fields';
import { enqueueEmail } from '@/lib/email/outbox';
import { renderEmail } from '@/lib/email/render';
import { getEnv } from '@/lib/platform/env';
import { maskEmail } from '@/lib/platform/log';
import { requestLogger } from '@/lib/platform/request-log';
import { hitRateLimits, type RateRule } from '@/lib/security/rate-limit';
import { tryAgainMessage } from '@/lib/security/retry-message';
import { fieldErrors, type FieldErrors } from '@/lib/validation/form';

export const mediaRequestPerIp: RateRule = {
  bucket: 'media-request:ip',
  limit: 10,
  windowSeconds: 3600,
};
export const mediaRequestPerEmail: RateRule = {
  bucket: 'media-request:email',
  limit: 5,
  windowSeconds: 3600,
};

// `website` is the honeypot: hidden from people, filled in by bots.
export const mediaRequestFields = [
  'name',
  'outlet',
  'email',
  'phone',
  'deadline',
  'request',
  'website',
] as const;
export type MediaRequestValues = Record<(typeof mediaRequestFields)[number], string>;

export const maxRequestLength = 5000;

/**
 * One line of text as it may go into a header: line breaks and other control characters become
 * spaces, so nothing typed can start a header of its own.
 */
const headerSafe = (value: string) =>
  value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const line = (empty: string, max: number, tooLong: string) =>
  z.string({ error: empty }).overwrite(headerSafe).min(1, empty).max(max, tooLong);

export const mediaRequestSchema = z.object({
  name: line('Give your name.', 120, 'Keep your name to 120 characters or fewer.'),
  outlet: line(
    'Name the outlet or programme you work for, or “freelance”.',
    160,
    'Keep the outlet’s name to 160 characters or fewer.',
  ),
  email: emailSchema,
  phone: optionalContactPhone,
  deadline: z
    .string()
    .overwrite(headerSafe)
    .max(120, 'Keep the deadline to 120 characters or fewer.')
    .transform((value) => value || null),
  request: z
    .string({ error: 'Tell us what you need.' })
    .overwrite((value) => value.replace(/\r\n?/g, '\n').trim())
    .min(1, 'Tell us what you need: the story, and whom or what you are looking for.')
    .max(
      maxRequestLength,
      `Keep your request to ${maxRequestLength.toLocaleString('en-GB')} characters or fewer; we will ask for more if we need it.`,
    ),
});

export type MediaRequest = z.output<typeof mediaRequestSchema>;

export type MediaRequestOutcome =
  | { ok: true; emailId: string; inbox: string }
  | { ok: false; reason: 'invalid'; errors: FieldErrors }
  | { ok: false; reason: 'refused' | 'throttled' | 'unavailable'; message: string };

// Said to whatever filled in the honeypot: nothing that helps a bot tell it was caught.
const refusedMessage = 'We could not take this request. Please try again.';

export const unavailableMessage =
  'We could not take your request just now, so nothing was sent. Please try again in a few minutes, or phone or e-mail the press office directly.';

/** PRESS_EMAIL, else the first press contact's address, else press@ the site's host. */
export async function pressInbox(db: Transaction | ReturnType<typeof getDb>): Promise<string> {
  const configured = getEnv().PRESS_EMAIL;
  if (configured) return configured;
  const [first] = await db
    .select({ email: pressContacts.email })
    .from(pressContacts)
    .orderBy(asc(pressContacts.position), asc(pressContacts.name))
    .limit(1);
  if (first) return first.email;
  const host = new URL(getEnv().siteUrl).hostname;
  return `press@${/[a-z]/i.test(host) && !host.startsWith('[') ? host : 'localhost'}`;
}

function requestEmail(request: MediaRequest, inbox: string) {
  const site = getSiteConfig();
  const details = [
    `From: ${request.name}, ${request.outlet}`,
    `E-mail: ${request.email} (reply to this message to answer)`,
    request.phone ? `Phone: ${request.phone}` : 'Phone: not given',
    `Deadline: ${request.deadline ?? 'not given'}`,
  ];
  return {
    to: inbox,
    replyTo: request.email,
    subject: `Media request: ${request.name}, ${request.outlet}`,
    ...renderEmail({
      heading: `Media request from ${request.outlet}`,
      paragraphs: [...details, ...request.request.split(/\n{2,}/)],
      footer: `Sent from the media request form at ${site.url}/press.`,
    }),
  };
}

/**
 * Takes a journalist's request: validated, throttled per address and per e-mail, then queued in
 * the outbox for the press inbox with Reply-To set to the journalist. Either it is queued or the
 * journalist is told it was not: a database that cannot be reached is an answer, not a lost request.
 */
export async function submitMediaRequest(
  input: Record<string, string>,
  ip: string,
): Promise<MediaRequestOutcome> {
  if (input.website) return { ok: false, reason: 'refused', message: refusedMessage };
  const parsed = mediaRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', errors: fieldErrors(parsed.error) };
  const request = parsed.data;
  try {
    const throttle = await hitRateLimits([
      { rule: mediaRequestPerIp, subject: ip },
      { rule: mediaRequestPerEmail, subject: request.email },
    ]);
    if (!throttle.allowed) {
      return {
        ok: false,
        reason: 'throttled',
        message: tryAgainMessage(throttle.retryAfterSeconds, 'requests'),
      };
    }
    return await getDb().transaction(async (tx) => {
      const inbox = await pressInbox(tx);
      const emailId = await enqueueEmail(tx, requestEmail(request, inbox), 'media_request');
      return { ok: true as const, emailId, inbox };
    });
  } catch (error) {
    (await requestLogger()).error(
      { err: error, journalist: maskEmail(request.email) },
      'media request not taken: the outbox could not be written',
    );
    return { ok: false, reason: 'unavailable', message: unavailableMessage };
  }
}
