import 'server-only';
import { headers } from 'next/headers';
import { tryAgainMessage } from '@/lib/security/retry-message';
import { clientIp } from './auth';
import type { RequestOutcome } from './email-links';
import { emailSchema } from './password-policy';

/** What a form that e-mails the person shows: the address typed, and sent or why not. */
export interface EmailRequestState {
  email: string;
  sent?: boolean;
  error?: string;
}

/**
 * The address as typed, with its normalised form or the reason its format is wrong; checking
 * the format openly reveals nothing about accounts.
 */
export function requestedEmail(
  form: FormData,
): { email: string; address: string; error?: undefined } | { email: string; error: string } {
  const email = String(form.get('email') ?? '')
    .trim()
    .slice(0, 254);
  const valid = emailSchema.safeParse(email);
  return valid.success
    ? { email, address: valid.data }
    : { email, error: valid.error.issues[0]!.message };
}

/**
 * Runs a request that ends in an e-mail (sign-in link, reset, address change) and turns its
 * outcome into the form's state: sent, or throttled with the time to wait. A mail server that
 * is down does not change the answer: the e-mail waits in the outbox and follows a little later.
 */
export async function sendEmailRequest(
  email: string,
  send: (ip: string) => Promise<RequestOutcome>,
): Promise<EmailRequestState> {
  const outcome = await send(clientIp(await headers()));
  if (!outcome.ok) return { email, error: tryAgainMessage(outcome.retryAfterSeconds, 'requests') };
  return { email, sent: true };
}
