import { z } from 'zod';
import { giftMonths, type GiftMonths, type MembershipTier } from '@/db/schema';
import { emailSchema } from '@/lib/auth/password-policy';
import { collapsedText } from '@/lib/giving/gift-aid';

export { giftMonths, type GiftMonths };

export const giftFormFields = [
  'tier',
  'months',
  'recipientName',
  'recipientEmail',
  'message',
  'deliverOn',
  'buyerName',
  'buyerEmail',
  'website',
] as const;

export type GiftFormValues = Record<(typeof giftFormFields)[number], string>;

/**
 * What a gift of a tier costs: a year is the yearly price where there is one; a shorter gift is
 * that many monthly payments, or the share of the yearly price where there is no monthly one.
 * Null when the tier has no price at all.
 */
export function giftPrice(
  tier: Pick<MembershipTier, 'monthlyPriceMinor' | 'yearlyPriceMinor'>,
  months: GiftMonths,
): number | null {
  const { monthlyPriceMinor: monthly, yearlyPriceMinor: yearly } = tier;
  if (months === 12 && yearly !== null) return yearly;
  if (monthly !== null) return monthly * months;
  return yearly === null ? null : Math.round((yearly * months) / 12);
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** The last day a gift may be sent: a year from today. */
export function latestDelivery(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year + 1, month - 1, day)).toISOString().slice(0, 10);
}

/** The gift form, checked against London's today (YYYY-MM-DD). */
export function giftInputSchema(today: string) {
  return z.object({
    tier: z.string().trim().min(1, 'Choose a tier.').max(60, 'Choose a tier.'),
    months: z
      .enum(['3', '6', '12'], { error: 'Choose 3, 6 or 12 months.' })
      .transform((value) => Number(value) as GiftMonths),
    recipientName: collapsedText(
      'Enter the name of the person it is for.',
      120,
      'Keep their name to 120 characters or fewer.',
    ),
    recipientEmail: emailSchema,
    message: z
      .string()
      .trim()
      .max(1000, 'Keep the message to 1,000 characters or fewer.')
      .default(''),
    deliverOn: z
      .string()
      .trim()
      .refine((value) => dayPattern.test(value) && !Number.isNaN(Date.parse(value)), {
        error: 'Enter the day to send it, such as 2027-01-15.',
      })
      .refine((value) => value >= today, { error: 'Choose today or a day to come.' })
      .refine((value) => value <= latestDelivery(today), {
        error: 'Choose a day within the next year.',
      }),
    buyerName: collapsedText('Enter your name.', 120, 'Your name must be 120 characters or fewer.'),
    buyerEmail: emailSchema,
  });
}

export type GiftInput = z.output<ReturnType<typeof giftInputSchema>>;
