'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { signIn, type EmailedKind } from '@/lib/auth/auth';
import {
  codeRetryAfter,
  emailedLinkKinds,
  getLinkDestination,
  linkRetryAfter,
  requestSignInLink,
} from '@/lib/auth/email-links';
import {
  requestedEmail,
  requestIp,
  sendEmailRequest,
  type EmailRequestState,
} from '@/lib/auth/email-request';
import { safeCallbackPath, safeReturnPath } from '@/lib/auth/redirects';
import { tryAgainMessage } from '@/lib/security/retry-message';

export type LinkState = EmailRequestState;

const isThrottled = (error: unknown) =>
  error instanceof CredentialsSignin && error.code === 'throttled';

export async function requestLinkAction(_previous: LinkState, form: FormData): Promise<LinkState> {
  const requested = requestedEmail(form);
  if (requested.error !== undefined) return requested;
  const { email } = requested;
  // The link, like the code, returns the reader to the page they came to log in from.
  const returnPath = safeReturnPath(form.get('callbackUrl'));
  return sendEmailRequest(email, (ip) => requestSignInLink(email, ip, returnPath));
}

export async function codeSignInAction(_previous: LinkState, form: FormData): Promise<LinkState> {
  const email = String(form.get('email') ?? '').slice(0, 254);
  try {
    await signIn('email-link', {
      kind: 'code' satisfies EmailedKind,
      email,
      code: String(form.get('code') ?? ''),
      redirectTo: safeCallbackPath(form.get('callbackUrl')),
    });
    return { email, sent: true };
  } catch (error) {
    if (isThrottled(error)) {
      const wait = await codeRetryAfter(email, await requestIp());
      return { email, sent: true, error: tryAgainMessage(wait) };
    }
    if (error instanceof AuthError) {
      return {
        email,
        sent: true,
        error: 'That code is not right, or has expired. Check the e-mail or ask for a new one.',
      };
    }
    throw error;
  }
}

const linkFormSchema = z.object({
  kind: z.enum(emailedLinkKinds),
  token: z.string().max(200),
});

/**
 * Signs in with the token of an e-mailed link: the page the link opens shows a button, and
 * only pressing it (a POST) spends the token, so a mail scanner that follows links cannot.
 */
export async function linkSignInAction(
  _previous: string | null,
  form: FormData,
): Promise<string | null> {
  const parsed = linkFormSchema.safeParse({ kind: form.get('kind'), token: form.get('token') });
  if (!parsed.success) return 'This link is not complete. Open it again from the e-mail.';
  const { kind, token } = parsed.data;
  const redirectTo = await getLinkDestination(kind, token);
  try {
    await signIn('email-link', { kind, token, redirectTo });
    return null;
  } catch (error) {
    if (isThrottled(error)) return tryAgainMessage(await linkRetryAfter(await requestIp()));
    if (error instanceof AuthError)
      return 'This link has been used or has expired. Ask for a new one on the log-in page.';
    throw error;
  }
}
