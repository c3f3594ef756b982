'use server';

import { resetPassword } from '@/lib/auth/email-links';
import { newPasswordSchema } from '@/lib/auth/password-policy';

export interface ResetState {
  done?: boolean;
  error?: string;
  passwordError?: string;
}

export async function resetPasswordAction(
  _previous: ResetState,
  form: FormData,
): Promise<ResetState> {
  const password = newPasswordSchema.safeParse(String(form.get('password') ?? ''));
  if (!password.success) return { passwordError: password.error.issues[0]!.message };
  if (!(await resetPassword(String(form.get('token') ?? ''), password.data))) {
    return { error: 'This link has been used or has expired. Ask for a new one.' };
  }
  return { done: true };
}
