'use server';

import { requestIp } from '@/lib/auth/email-request';
import { joinAsMember, joinSchema } from '@/lib/auth/join';
import { sendAfterResponse } from '@/lib/email/send-after-response';
import { tryAgainMessage } from '@/lib/security/retry-message';
import { fieldErrors, formValues, type FieldErrors } from '@/lib/validation/form';

export interface JoinState {
  /** What was typed and chosen, to fill the form in again; never the password. */
  values: { name: string; email: string; consent: string; newsletter: string };
  errors: FieldErrors;
  done?: boolean;
}

export async function joinAction(_previous: JoinState, form: FormData): Promise<JoinState> {
  const raw = formValues(form, ['name', 'email', 'password', 'consent', 'newsletter']);
  const values = {
    name: raw.name!,
    email: raw.email!,
    consent: raw.consent!,
    newsletter: raw.newsletter!,
  };
  const parsed = joinSchema.safeParse({
    ...raw,
    consent: raw.consent || undefined,
    newsletter: raw.newsletter || undefined,
    returnPath: form.get('callbackUrl') || undefined,
  });
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  const outcome = await joinAsMember(parsed.data, await requestIp());
  if (!outcome.ok) {
    return { values, errors: { form: tryAgainMessage(outcome.retryAfterSeconds) } };
  }
  sendAfterResponse(outcome.emails);
  return { values, errors: {}, done: true };
}
