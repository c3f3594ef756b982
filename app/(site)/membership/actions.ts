'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getViewer } from '@/lib/auth/viewer';
import { declarationFromForm } from '@/lib/giving/gift-aid';
import { startJoining } from '@/lib/membership/join';
import { formValues } from '@/lib/validation/form';
import { membershipIntervals } from '@/lib/membership/offer';

export interface JoinState {
  error: string | null;
  /** The Gift Aid declaration's fields as typed, and their problems. */
  values?: Record<string, string>;
  fieldErrors?: Record<string, string>;
}

const giftAidFields = [
  'giftAid',
  'giftAidTitle',
  'giftAidFirstName',
  'giftAidLastName',
  'giftAidHouse',
  'giftAidPostcode',
  'giftAidPastFourYears',
] as const;

const joinSchema = z.object({
  tier: z.string().min(1).max(60),
  interval: z.enum(membershipIntervals),
});

const messages = {
  'not-offered': 'This membership is no longer offered at that price. Please choose again.',
  unverified: 'Please verify your e-mail address first: we sent you a link when you joined.',
  'already-member':
    'You are already a member. Change your tier or how often you pay from your account.',
  unavailable:
    'We could not open the payment page. Nothing has been charged: please try again in a moment.',
};

export async function joinTierAction(_previous: JoinState, form: FormData): Promise<JoinState> {
  const parsed = joinSchema.safeParse({ tier: form.get('tier'), interval: form.get('interval') });
  if (!parsed.success) return { error: 'Choose monthly or yearly.' };
  const viewer = await getViewer();
  const back = `/membership/join/${encodeURIComponent(parsed.data.tier)}?interval=${parsed.data.interval}`;
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(back)}`);
  const raw = formValues(form, [...giftAidFields]);
  // Shown again clipped to what HMRC's fields allow, so a huge post is not echoed back.
  const values = Object.fromEntries(
    Object.entries(raw).map(([name, value]) => [name, value.slice(0, 101)]),
  );
  const declared = declarationFromForm(raw);
  if (!declared.ok) {
    return { error: 'Check the Gift Aid details below.', values, fieldErrors: declared.errors };
  }
  const outcome = await startJoining(
    viewer,
    parsed.data.tier,
    parsed.data.interval,
    declared.declaration,
  );
  if (!outcome.ok) return { error: messages[outcome.reason], values };
  redirect(outcome.url);
}
