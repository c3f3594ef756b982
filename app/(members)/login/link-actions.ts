'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/lib/auth/auth';
import { requestSignInLink } from '@/lib/auth/email-links';
import { requestedEmail, sendEmailRequest, type EmailRequestState } from '@/lib/auth/email-request';
import { safeCallbackPath } from '@/lib/auth/redirects';

export type LinkState = EmailRequestState;

export async function requestLinkAction(_previous: LinkState, form: FormData): Promise<LinkState> {
  const requested = requestedEmail(form);
  if (requested.error !== undefined) return requested;
  const { email } = requested;
  return sendEmailRequest(email, (ip) => requestSignInLink(email, ip));
}

export async function codeSignInAction(_previous: LinkState, form: FormData): Promise<LinkState> {
  const email = String(form.get('email') ?? '').slice(0, 254);
  try {
    await signIn('email-link', {
      email,
      code: String(form.get('code') ?? ''),
      redirectTo: safeCallbackPath(form.get('callbackUrl')),
    });
    return { email, sent: true };
  } catch (error) {
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

export async function linkSignInAction(
  _previous: string | null,
  form: FormData,
): Promise<string | null> {
  try {
    await signIn('email-link', { token: String(form.get('token') ?? ''), redirectTo: '/account' });
    return null;
  } catch (error) {
    if (error instanceof AuthError)
      return 'This link has been used or has expired. Ask for a new one.';
    throw error;
  }
}
