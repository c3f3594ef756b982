'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { emailSchema } from '@/lib/auth/password-policy';
import { clientIp, signIn } from '@/lib/auth/auth';
import { requestSignInLink } from '@/lib/auth/email-links';
import { safeCallbackPath } from '@/lib/auth/redirects';
import { EmailDeliveryError } from '@/lib/email/send';
import { tryAgainMessage } from '@/lib/security/retry-message';

export interface LinkState {
  email: string;
  sent?: boolean;
  error?: string;
}

export async function requestLinkAction(_previous: LinkState, form: FormData): Promise<LinkState> {
  const email = String(form.get('email') ?? '')
    .trim()
    .slice(0, 254);
  // The format is checked openly; whether an account has the address never shows.
  const valid = emailSchema.safeParse(email);
  if (!valid.success) return { email, error: valid.error.issues[0]!.message };
  try {
    const outcome = await requestSignInLink(email, clientIp(await headers()));
    if (!outcome.ok) {
      return { email, error: tryAgainMessage(outcome.retryAfterSeconds, 'requests') };
    }
  } catch (error) {
    if (!(error instanceof EmailDeliveryError)) throw error;
    console.error(`sign-in link: ${error.message}`);
    return { email, error: 'We could not send the e-mail. Please try again in a moment.' };
  }
  return { email, sent: true };
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
