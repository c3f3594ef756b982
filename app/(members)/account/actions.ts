'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { deleteAccount } from '@/lib/auth/account-data';
import { signIn, signOut } from '@/lib/auth/auth';
import { requestEmailChange } from '@/lib/auth/change-email';
import { changePassword } from '@/lib/auth/change-password';
import { requestedEmail, requestIp, type EmailRequestState } from '@/lib/auth/email-request';
import { newPasswordSchema } from '@/lib/auth/password-policy';
import { endAllSessions, recentSignInMinutes } from '@/lib/auth/sessions';
import { getViewer } from '@/lib/auth/viewer';
import { sendAfterResponse } from '@/lib/email/send-after-response';
import { openBillingPortal, stopMonthlyGiftsOf } from '@/lib/giving/recurring';
import { openMembershipPortal } from '@/lib/membership/portal';
import { applyPreferencesForm, type PreferencesState } from '@/lib/newsletters/preferences-form';
import { subscriberForAccount } from '@/lib/newsletters/subscriptions';
import { stopMembershipsOf } from '@/lib/membership/sync';
import { tryAgainMessage } from '@/lib/security/retry-message';

export async function signOutAction() {
  await signOut({ redirectTo: '/' });
}

/** Ends every session of the account, on every device, this one included. */
export async function signOutEverywhereAction() {
  const viewer = await getViewer();
  if (viewer) await endAllSessions(viewer.id);
  await signOut({ redirectTo: '/login?signedOut=everywhere' });
}

/** Sends a member to Stripe's billing portal for one of their own monthly gifts. */
export async function manageMonthlyGiftAction(form: FormData) {
  const viewer = await getViewer();
  if (!viewer) redirect('/login?callbackUrl=%2Faccount');
  const giftId = z.uuid().safeParse(form.get('giftId'));
  if (!giftId.success) redirect('/account#giving');
  const portal = await openBillingPortal(viewer.id, giftId.data);
  if (portal.ok) redirect(portal.url);
  redirect(
    portal.reason === 'unavailable' ? '/account?portal=unavailable#giving' : '/account#giving',
  );
}

/** Sends a member to Stripe's billing portal for their own paid membership. */
export async function manageMembershipAction() {
  const viewer = await getViewer();
  if (!viewer) redirect('/login?callbackUrl=%2Faccount');
  const portal = await openMembershipPortal(viewer.id);
  if (portal.ok) redirect(portal.url);
  redirect(
    portal.reason === 'unavailable'
      ? '/account?portal=membership-unavailable#membership'
      : '/account#membership',
  );
}

export interface DeleteState {
  error?: string;
}

const monthlyGiftNotStoppedMessage =
  'We could not reach our payment provider to stop your monthly gift, so your account has not ' +
  'been deleted and nothing has changed. Please try again in a few minutes.';

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
  // Stopped first: a gift or membership left running could no longer be stopped by its payer.
  const stopped = await stopMonthlyGiftsOf(viewer.id);
  if (!stopped.ok) return { error: monthlyGiftNotStoppedMessage };
  const ended = await stopMembershipsOf(viewer.id);
  if (!ended.ok) return { error: membershipNotStoppedMessage };
  await deleteAccount(viewer.id);
  await signOut({ redirectTo: '/account-deleted' });
  return {};
}

const membershipNotStoppedMessage =
  'We could not reach our payment provider to stop your paid membership, so your account has ' +
  'not been deleted and nothing has changed. Please try again in a few minutes.';

export interface PasswordState {
  errors: { current?: string; next?: string; form?: string };
}

export async function changePasswordAction(
  _previous: PasswordState,
  form: FormData,
): Promise<PasswordState> {
  const viewer = await getViewer();
  if (!viewer) redirect('/login?callbackUrl=%2Faccount');
  const next = newPasswordSchema.safeParse(String(form.get('next') ?? ''));
  if (!next.success) return { errors: { next: next.error.issues[0]!.message } };
  const outcome = await changePassword(
    viewer.id,
    String(form.get('current') ?? ''),
    next.data,
    new Date(viewer.signedInAt),
  );
  if (outcome === 'wrong-password') {
    return { errors: { current: 'That is not your current password.' } };
  }
  if (outcome === 'sign-in-again') return { errors: { form: signInAgainMessage } };
  // Every session ended with the change; this device gets a fresh one.
  await signIn('credentials', {
    email: viewer.email,
    password: next.data,
    redirectTo: '/account?changed=password',
  });
  return { errors: {} };
}

const signInAgainMessage = `For your safety, sign in again with an e-mailed link first: this change needs a password or a sign-in within the last ${recentSignInMinutes} minutes.`;

export interface EmailChangeState extends EmailRequestState {
  passwordError?: string;
}

export async function changeEmailAction(
  _previous: EmailChangeState,
  form: FormData,
): Promise<EmailChangeState> {
  const viewer = await getViewer();
  if (!viewer) redirect('/login?callbackUrl=%2Faccount');
  const requested = requestedEmail(form);
  if (requested.error !== undefined) return requested;
  const { address } = requested;
  if (address === viewer.email) return { email: address, error: 'That is already your address.' };
  const outcome = await requestEmailChange(
    viewer.id,
    address,
    { password: form.get('current'), signedInAt: new Date(viewer.signedInAt) },
    await requestIp(),
  );
  if (outcome.ok) {
    sendAfterResponse(outcome.emails);
    return { email: address, sent: true };
  }
  if (outcome.reason === 'wrong-password') {
    return { email: address, passwordError: 'That is not your password.' };
  }
  return { email: address, error: tryAgainMessage(outcome.retryAfterSeconds) };
}

/** A member's choice of newsletters: their verified address is their proof, as a link's is. */
export async function saveNewslettersAction(
  _previous: PreferencesState,
  form: FormData,
): Promise<PreferencesState> {
  const viewer = await getViewer();
  if (!viewer) return { error: 'Your session has ended. Log in again to choose your newsletters.' };
  if (!viewer.verified) {
    return { error: 'Verify your e-mail address first: we sent you a link when you joined.' };
  }
  try {
    const subscriberId = await subscriberForAccount(viewer);
    return await applyPreferencesForm(subscriberId, form, 'account');
  } catch {
    return {
      error: 'We could not save your choice just now, so nothing has changed. Please try again.',
    };
  }
}
