'use server';

import { redirect } from 'next/navigation';
import { deleteAccount } from '@/lib/auth/account-data';
import { headers } from 'next/headers';
import { clientIp, signIn, signOut } from '@/lib/auth/auth';
import { requestEmailChange } from '@/lib/auth/change-email';
import { changePassword } from '@/lib/auth/change-password';
import { emailSchema, newPasswordSchema } from '@/lib/auth/password-policy';
import { EmailDeliveryError } from '@/lib/email/send';
import { tryAgainMessage } from '@/lib/security/retry-message';
import { getViewer } from '@/lib/auth/viewer';

export async function signOutAction() {
  await signOut({ redirectTo: '/' });
}

export interface DeleteState {
  error?: string;
}

export async function deleteAccountAction(
  _previous: DeleteState,
  form: FormData,
): Promise<DeleteState> {
  const viewer = await getViewer();
  if (!viewer) redirect('/login?callbackUrl=%2Faccount');
  if (
    String(form.get('confirmEmail') ?? '')
      .trim()
      .toLowerCase() !== viewer.email
  ) {
    return { error: 'Type your e-mail address exactly as shown to confirm.' };
  }
  await deleteAccount(viewer.id);
  await signOut({ redirectTo: '/account-deleted' });
  return {};
}

export interface PasswordState {
  errors: { current?: string; next?: string };
}

export async function changePasswordAction(
  _previous: PasswordState,
  form: FormData,
): Promise<PasswordState> {
  const viewer = await getViewer();
  if (!viewer) redirect('/login?callbackUrl=%2Faccount');
  const next = newPasswordSchema.safeParse(String(form.get('next') ?? ''));
  if (!next.success) return { errors: { next: next.error.issues[0]!.message } };
  if (!(await changePassword(viewer.id, String(form.get('current') ?? ''), next.data))) {
    return { errors: { current: 'That is not your current password.' } };
  }
  // Every session ended with the change; this device gets a fresh one.
  await signIn('credentials', {
    email: viewer.email,
    password: next.data,
    redirectTo: '/account?changed=password',
  });
  return { errors: {} };
}

export interface EmailChangeState {
  email: string;
  sent?: boolean;
  error?: string;
}

export async function changeEmailAction(
  _previous: EmailChangeState,
  form: FormData,
): Promise<EmailChangeState> {
  const viewer = await getViewer();
  if (!viewer) redirect('/login?callbackUrl=%2Faccount');
  const parsed = emailSchema.safeParse(String(form.get('email') ?? ''));
  if (!parsed.success)
    return { email: String(form.get('email') ?? ''), error: parsed.error.issues[0]!.message };
  if (parsed.data === viewer.email)
    return { email: parsed.data, error: 'That is already your address.' };
  try {
    const outcome = await requestEmailChange(viewer.id, parsed.data, clientIp(await headers()));
    if (!outcome.ok)
      return { email: parsed.data, error: tryAgainMessage(outcome.retryAfterSeconds, 'requests') };
  } catch (error) {
    if (!(error instanceof EmailDeliveryError)) throw error;
    console.error(`e-mail change: ${error.message}`);
    return {
      email: parsed.data,
      error: 'We could not send the e-mail. Please try again in a moment.',
    };
  }
  return { email: parsed.data, sent: true };
}
