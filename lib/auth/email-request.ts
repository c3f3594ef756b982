import 'server-only';
import { headers } from 'next/headers';
import { sendAfterResponse } from '@/lib/email/send-after-response';
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
 * Runs a request that ends in an e-mail (sign-in link, reset) and turns its outcome into the
 * form's state: sent, or throttled with the time to wait. The e-mail is sent after the answer,
 * so the answer takes as long whether or not the address has an account, and a mail server that
 * is down does not change it: the e-mail waits in the outbox and follows a little later.
 */
export async function sendEmailRequest(
  email: string,
  send: (ip: string) => Promise<RequestOutcome>,
): Promise<EmailRequestState> {
  const outcome = await send(await requestIp());
  if (!outcome.ok) return { email, error: tryAgainMessage(outcome.retryAfterSeconds, 'requests') };
  sendAfterResponse(outcome.emails);
  return { email, sent: true };
}

/** The address of the visitor behind this request (lib/security/client-ip.ts). */
export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}
