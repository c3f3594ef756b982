import { z } from 'zod';
import { emailSchema } from '@/lib/auth/password-policy';
import { decideAmount } from './donation-amount';
import { collapsedText, declarationFromForm, type GiftAidFields } from './gift-aid';
import type { GivingSettings } from './settings';

export const donationFormFields = [
  'frequency',
  'oneOffAmount',
  'monthlyAmount',
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
  'newsOffered',
  'noNews',
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
  /** The newsletter the form offered (the soft opt-in), and whether the donor refused it. */
  news?: { listId: string; refused: boolean } | null;
}

export type DonationFormResult =
  { ok: true; request: DonationRequest } | { ok: false; errors: Record<string, string> };

const baseSchema = z.object({
  frequency: z.enum(['one_off', 'monthly'], { error: 'Choose a one-off or a monthly gift.' }),
  name: collapsedText('Enter your name.', 120, 'Your name must be 120 characters or fewer.'),
  email: emailSchema,
  attempt: z.union([z.uuid(), z.literal('')]).transform((value) => value || null),
  newsOffered: z
    .string()
    .optional()
    .transform((value) => value ?? '')
    .pipe(z.union([z.uuid(), z.literal('')]).catch('')),
});

/**
 * Validates the donation form. The amount is decided here (decideAmount), from the choice of a
 * suggested amount or the typed one, within the site's bounds: no hidden field is ever trusted
 * for it, and a form that names two different sums is refused rather than guessed at.
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

  const amount = decideAmount(values, settings);
  if (!amount.ok) errors[amount.field] = amount.message;

  let giftAid: GiftAidFields | null = null;
  if (values.giftAid === 'on') {
    if (!settings.giftAid) {
      errors.giftAid = 'Gift Aid applies only to gifts in pounds sterling.';
    } else {
      const declared = declarationFromForm(values);
      if (declared.ok) giftAid = declared.declaration;
      else
        for (const [field, message] of Object.entries(declared.errors)) errors[field] ??= message;
    }
  }

  if (!base.success || !amount.ok || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    request: {
      frequency: base.data.frequency,
      name: base.data.name,
      email: base.data.email,
      attempt: base.data.attempt,
      news: base.data.newsOffered
        ? { listId: base.data.newsOffered.toLowerCase(), refused: values.noNews === 'on' }
        : null,
      amountMinor: amount.amountMinor,
      currency: settings.currency,
      anonymous: values.anonymous === 'on',
      giftAid,
    },
  };
}
