'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { headers } from 'next/headers';
import { clientIp, signIn } from '@/lib/auth/auth';
import { safeCallbackPath } from '@/lib/auth/redirects';
import { signInPerAccount, signInPerIp } from '@/lib/auth/throttles';
import { peekRateLimit } from '@/lib/security/rate-limit';
import { tryAgainMessage } from '@/lib/security/retry-message';

export interface LoginState {
  email: string;
  error?: string;
}

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
      const waits = await Promise.all([
        peekRateLimit(signInPerAccount, email.toLowerCase()),
        peekRateLimit(signInPerIp, clientIp(await headers())),
      ]);
      const wait = Math.max(...waits.map((decision) => decision.retryAfterSeconds));
      return { email, error: tryAgainMessage(wait) };
    }
    if (error instanceof AuthError) {
      return { email, error: 'That e-mail address and password do not match an account.' };
    }
    throw error;
  }
}
