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

// Bots fill in every field; people never see this one.
const honeypotMessage = 'We could not take this request. Please try again.';

export async function mediaRequestAction(
  _previous: MediaRequestState,
  form: FormData,
): Promise<MediaRequestState> {
  const values = formValues(form, [...mediaRequestFields]) as MediaRequestValues;
  if (values.website) {
    return { values: { ...values, website: '' }, errors: { form: honeypotMessage } };
  }
  const outcome = await submitMediaRequest(values, await requestIp());
  if (!outcome.ok) {
    return {
      values,
      errors: outcome.reason === 'invalid' ? outcome.errors : { form: outcome.message },
    };
  }
  sendAfterResponse([outcome.emailId]);
  return { values, errors: {}, sentTo: outcome.inbox };
}
