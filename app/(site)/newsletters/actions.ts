'use server';

import { requestIp } from '@/lib/auth/email-request';
import { sendAfterResponse } from '@/lib/email/send-after-response';
import { preferencesKey, readPreferencesKey } from '@/lib/newsletters/links';
import { applyPreferencesForm, type PreferencesState } from '@/lib/newsletters/preferences-form';
import { requestPreferencesLink } from '@/lib/newsletters/preferences-link';
import { confirmSignup, requestSignup } from '@/lib/newsletters/subscriptions';
import type { FieldErrors } from '@/lib/validation/form';

export interface SignupState {
  email: string;
  /** The lists the reader ticked, ticked again when the form comes back. */
  lists?: string[];
  errors: FieldErrors;
  /** The address a confirmation was sent to. */
  sentTo?: string;
}

export async function signupAction(_previous: SignupState, form: FormData): Promise<SignupState> {
  // Longer is no address (refused below), and is not worth sending back.
  const email = String(form.get('email') ?? '').slice(0, 320);
  const lists = form.getAll('list').map(String);
  const outcome = await requestSignup(
    {
      email,
      lists,
      website: String(form.get('website') ?? ''),
    },
    await requestIp(),
  );
  if (!outcome.ok) {
    return {
      email,
      lists,
      errors: outcome.reason === 'invalid' ? outcome.errors : { form: outcome.message },
    };
  }
  sendAfterResponse(outcome.emailIds);
  return { email, errors: {}, sentTo: email.trim() };
}

export interface PreferencesLinkState {
  email: string;
  errors: FieldErrors;
  /** The address the answer names: the same whether or not it is subscribed. */
  sentTo?: string;
}

export async function preferencesLinkAction(
  _previous: PreferencesLinkState,
  form: FormData,
): Promise<PreferencesLinkState> {
  // Longer is no address (refused below), and is not worth sending back.
  const email = String(form.get('email') ?? '').slice(0, 320);
  const outcome = await requestPreferencesLink(
    { email, website: String(form.get('website') ?? '') },
    await requestIp(),
  );
  if (!outcome.ok) {
    return {
      email,
      errors: outcome.reason === 'invalid' ? outcome.errors : { form: outcome.message },
    };
  }
  sendAfterResponse(outcome.emailIds);
  return { email, errors: {}, sentTo: email.trim() };
}

export type ConfirmState =
  | { state: 'waiting' | 'failed' | 'unavailable' }
  | { state: 'done'; lists: string[]; preferences: string };

export async function confirmAction(
  _previous: ConfirmState,
  form: FormData,
): Promise<ConfirmState> {
  try {
    const confirmed = await confirmSignup(String(form.get('token') ?? '').slice(0, 200));
    if (!confirmed) return { state: 'failed' };
    return {
      state: 'done',
      lists: confirmed.lists,
      preferences: preferencesKey(confirmed.subscriberId),
    };
  } catch {
    return { state: 'unavailable' };
  }
}

const notYours = 'This preferences link is not valid. Use the link in our latest e-mail to you.';

export async function savePreferencesAction(
  _previous: PreferencesState,
  form: FormData,
): Promise<PreferencesState> {
  const subscriberId = readPreferencesKey(String(form.get('key') ?? ''));
  if (!subscriberId) return { error: notYours };
  return applyPreferencesForm(subscriberId, form, 'form');
}
