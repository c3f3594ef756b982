'use server';

import { headers } from 'next/headers';
import { emailSchema } from '@/lib/auth/password-policy';
import { clientIp } from '@/lib/auth/auth';
import { requestPasswordReset } from '@/lib/auth/email-links';
import { EmailDeliveryError } from '@/lib/email/send';
import { tryAgainMessage } from '@/lib/security/retry-message';

export interface ForgotState {
  email: string;
  sent?: boolean;
  error?: string;
}

export async function forgotPasswordAction(
  _previous: ForgotState,
  form: FormData,
): Promise<ForgotState> {
  const email = String(form.get('email') ?? '')
    .trim()
    .slice(0, 254);
  // The format is checked openly; whether an account has the address never shows.
  const valid = emailSchema.safeParse(email);
  if (!valid.success) return { email, error: valid.error.issues[0]!.message };
  try {
    const outcome = await requestPasswordReset(email, clientIp(await headers()));
    if (!outcome.ok) {
      return { email, error: tryAgainMessage(outcome.retryAfterSeconds, 'requests') };
    }
  } catch (error) {
    if (!(error instanceof EmailDeliveryError)) throw error;
    console.error(`password reset: ${error.message}`);
    return { email, error: 'We could not send the e-mail. Please try again in a moment.' };
  }
  return { email, sent: true };
}
