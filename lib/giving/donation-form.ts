import { z } from 'zod';
import { emailSchema } from '@/lib/auth/password-policy';
import { formatMoney } from '@/lib/format/money';
import { collapsedText, giftAidFieldsSchema, type GiftAidFields } from './gift-aid';
import type { GivingSettings } from './settings';

export const donationFormFields = [
  'frequency',
  'amount',
  'otherAmount',
  'name',
  'email',
  'anonymous',
  'giftAid',
  'giftAidTitle',
  'giftAidFirstName',
  'giftAidLastName',
  'giftAidHouse',
  'giftAidPostcode',
  'giftAidPastFourYears',
  'attempt',
  'website',
] as const;

export type DonationFormValues = Record<(typeof donationFormFields)[number], string>;

export interface DonationRequest {
  frequency: 'one_off' | 'monthly';
  amountMinor: number;
  currency: string;
  name: string;
  email: string;
  anonymous: boolean;
  giftAid: GiftAidFields | null;
  /** The form's own id, so a retry after a failure reuses the first attempt's row. */
  attempt: string | null;
}

export type DonationFormResult =
  { ok: true; request: DonationRequest } | { ok: false; errors: Record<string, string> };

// "£1,250.50", "1250.5" and " 25 " are all amounts; "1.255", "-5" and "1e3" are not.
const typedAmount = /^\d{1,9}(\.\d{1,2})?$/;

/** Minor units of an amount as a person types it, or null when it is not one. */
export function parseTypedAmount(raw: string): number | null {
  const cleaned = raw
    .trim()
    .replace(/^[£$€]|^[A-Z]{3}\s*/i, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (!typedAmount.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

const baseSchema = z.object({
  frequency: z.enum(['one_off', 'monthly'], { error: 'Choose a one-off or a monthly gift.' }),
  name: collapsedText('Enter your name.', 120, 'Your name must be 120 characters or fewer.'),
  email: emailSchema,
  attempt: z.union([z.uuid(), z.literal('')]).transform((value) => value || null),
});

/**
 * Validates the donation form. The amount is decided here, from the choice of a suggested
 * amount or the typed one, within the site's bounds: no hidden field is ever trusted for it.
 */
export function parseDonationForm(
  values: DonationFormValues,
  settings: GivingSettings,
): DonationFormResult {
  const errors: Record<string, string> = {};
  const base = baseSchema.safeParse(values);
  if (!base.success) {
    for (const issue of base.error.issues) errors[String(issue.path[0])] ??= issue.message;
  }

  const amountMinor = chosenAmount(values, settings, errors);

  let giftAid: GiftAidFields | null = null;
  if (values.giftAid === 'on') {
    if (!settings.giftAid) {
      errors.giftAid = 'Gift Aid applies only to gifts in pounds sterling.';
    } else {
      const declared = giftAidFieldsSchema.safeParse({
        ...values,
        giftAidPastFourYears: values.giftAidPastFourYears === 'on',
      });
      if (declared.success) giftAid = declared.data;
      else
        for (const issue of declared.error.issues) errors[String(issue.path[0])] ??= issue.message;
    }
  }

  if (!base.success || amountMinor === null || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    request: {
      ...base.data,
      amountMinor,
      currency: settings.currency,
      anonymous: values.anonymous === 'on',
      giftAid,
    },
  };
}

function chosenAmount(
  values: DonationFormValues,
  settings: GivingSettings,
  errors: Record<string, string>,
): number | null {
  const frequency = values.frequency === 'monthly' ? 'monthly' : 'one_off';
  if (values.amount && values.amount !== 'other') {
    const suggested = Number(values.amount);
    if (settings.suggested[frequency].includes(suggested)) return suggested;
    errors.amount = 'Choose one of the amounts shown, or enter your own.';
    return null;
  }
  if (!values.otherAmount.trim()) {
    errors.otherAmount = 'Enter an amount, or choose one of those shown.';
    return null;
  }
  const typed = parseTypedAmount(values.otherAmount);
  if (typed === null) {
    errors.otherAmount = 'Enter an amount in numbers, like 30 or 30.50.';
    return null;
  }
  const { minMinor, maxMinor, currency } = settings;
  if (typed < minMinor || typed > maxMinor) {
    errors.otherAmount = `Enter an amount from ${formatMoney(minMinor, currency)} to ${formatMoney(maxMinor, currency)}.`;
    return null;
  }
  return typed;
}
