'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientIp } from '@/lib/auth/auth';
import { getViewer } from '@/lib/auth/viewer';
import {
  donationFormFields,
  parseDonationForm,
  type DonationFormValues,
} from '@/lib/giving/donation-form';
import { getGivingSettings } from '@/lib/giving/settings';
import { startDonation } from '@/lib/giving/start-donation';
import { formValues } from '@/lib/validation/form';

export interface DonationFormState {
  values: DonationFormValues;
  errors: Record<string, string>;
}

// Bots fill in every field; people never see this one.
const honeypotMessage = 'We could not take this gift. Please try again.';

export async function donateAction(
  _previous: DonationFormState,
  form: FormData,
): Promise<DonationFormState> {
  const values = formValues(form, [...donationFormFields]) as DonationFormValues;
  if (values.website)
    return { values: { ...values, website: '' }, errors: { form: honeypotMessage } };
  const parsed = parseDonationForm(values, getGivingSettings());
  if (!parsed.ok) return { values, errors: parsed.errors };
  const viewer = await getViewer();
  const outcome = await startDonation(parsed.request, {
    ip: clientIp(await headers()),
    userId: viewer?.id ?? null,
  });
  if (!outcome.ok) {
    return {
      values: { ...values, attempt: outcome.attempt ?? values.attempt },
      errors: { form: outcome.error },
    };
  }
  redirect(outcome.url);
}
