'use server';

import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth/viewer';
import { giftFormFields, type GiftFormValues } from '@/lib/membership/gift-input';
import { startGiftPurchase } from '@/lib/membership/gifts';
import { formValues } from '@/lib/validation/form';

export interface GiftFormState {
  values: GiftFormValues;
  errors: Record<string, string>;
}

const unavailableMessage =
  'We could not open the payment page. Nothing has been charged: please try again in a moment.';

export async function giveMembershipAction(
  _previous: GiftFormState,
  form: FormData,
): Promise<GiftFormState> {
  const values = formValues(form, [...giftFormFields, 'choice']) as GiftFormValues & {
    choice?: string;
  };
  // Bots fill in every field; people never see this one.
  if (values.website) return { values, errors: { form: 'We could not take this gift.' } };
  // One radio names the tier and the length together: "fellow:12".
  const [tier = '', months = ''] = (values.choice ?? '').split(':');
  const outcome = await startGiftPurchase({ ...values, tier, months }, await getViewer());
  if (outcome.ok) redirect(outcome.url);
  if ('unavailable' in outcome) return { values, errors: { form: unavailableMessage } };
  const { tier: tierError, months: monthsError, ...errors } = outcome.errors;
  const choiceError = tierError ?? monthsError;
  return { values, errors: choiceError ? { ...errors, choice: choiceError } : errors };
}
