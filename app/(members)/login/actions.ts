'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth/auth';
import { requestIp } from '@/lib/auth/email-request';
import { safeCallbackPath } from '@/lib/auth/redirects';
import { signInRetryAfter } from '@/lib/auth/sign-in';
import { tryAgainMessage } from '@/lib/security/retry-message';

export interface LoginState {
  email: string;
  error?: string;
}

const unverifiedMessage =
  'Your e-mail address is not verified yet, so you cannot log in with a password. We have sent you a new link: open it and press the button to verify your address and sign in.';

export async function loginAction(_previous: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get('email') ?? '')
    .trim()
    .slice(0, 254);
  const redirectTo = safeCallbackPath(form.get('callbackUrl'));
  try {
    await signIn('credentials', {
      email,
      password: String(form.get('password') ?? ''),
      redirectTo,
    });
    return { email };
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === 'throttled') {
      return { email, error: tryAgainMessage(await signInRetryAfter(email, await requestIp())) };
    }
    if (error instanceof CredentialsSignin && error.code === 'unverified') {
      return { email, error: unverifiedMessage };
    }
    if (error instanceof AuthError) {
      return { email, error: 'That e-mail address and password do not match an account.' };
    }
    throw error;
  }
}
