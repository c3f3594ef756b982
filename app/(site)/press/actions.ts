'use server';

import { requestIp } from '@/lib/auth/email-request';
import { sendAfterResponse } from '@/lib/email/send-after-response';
import {
  mediaRequestFields,
  submitMediaRequest,
  type MediaRequestValues,
} from '@/lib/press/media-request';
import { formValues, type FieldErrors } from '@/lib/validation/form';

export interface MediaRequestState {
  values: MediaRequestValues;
  errors: FieldErrors;
  /** The inbox it went to, once sent. */
  sentTo?: string;
}

export async function mediaRequestAction(
  _previous: MediaRequestState,
  form: FormData,
): Promise<MediaRequestState> {
  const values = formValues(form, [...mediaRequestFields]) as MediaRequestValues;
  const outcome = await submitMediaRequest(values, await requestIp());
  if (!outcome.ok) {
    return {
      // The honeypot starts empty again, should a person's browser have filled it in.
      values: { ...values, website: '' },
      errors: outcome.reason === 'invalid' ? outcome.errors : { form: outcome.message },
    };
  }
  sendAfterResponse([outcome.emailId]);
  return { values, errors: {}, sentTo: outcome.inbox };
}
