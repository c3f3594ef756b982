'use server';

import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth/viewer';
import { giftFormFields, type GiftFormValues } from '@/lib/membership/gift-input';
import { startGiftPurchase } from '@/lib/membership/gift-purchase';
import { formValues } from '@/lib/validation/form';

export interface GiftFormState {
  values: GiftFormValues;
  errors: Record<string, string>;
}

const unavailableMessage =
  'We could not open the payment page. Nothing has been charged: please try again in a moment.';

// What is shown again is clipped to what any field allows: a huge post is not echoed back.
const clipped = (values: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, value.slice(0, 1001)]),
  ) as GiftFormValues & { choice?: string };

export async function giveMembershipAction(
  _previous: GiftFormState,
  form: FormData,
): Promise<GiftFormState> {
  const raw = formValues(form, [...giftFormFields, 'choice']);
  const values = clipped(raw);
  // Bots fill in every field; people never see this one.
  if (raw.website) return { values, errors: { form: 'We could not take this gift.' } };
  // One radio names the tier and the length together: "fellow:12".
  const [tier = '', months = ''] = (raw.choice ?? '').split(':');
  const outcome = await startGiftPurchase({ ...raw, tier, months }, await getViewer());
  if (outcome.ok) redirect(outcome.url);
  if ('unavailable' in outcome) return { values, errors: { form: unavailableMessage } };
  const { tier: tierError, months: monthsError, ...errors } = outcome.errors;
  const choiceError = tierError ?? monthsError;
  return { values, errors: choiceError ? { ...errors, choice: choiceError } : errors };
}
