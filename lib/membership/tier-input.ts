import { z } from 'zod';
import { parseTypedAmount } from '@/lib/giving/donation-amount';

/** What a tier's form posts, every field a string as the browser sends it. */
export const tierFieldNames = [
  'name',
  'slug',
  'description',
  'benefits',
  'monthlyPrice',
  'yearlyPrice',
  'currency',
  'trialDays',
  'visible',
  'position',
  'giftAidEligible',
] as const;

export const tierCurrencies = ['GBP', 'EUR', 'USD'] as const;

const minPriceMinor = 100;
const maxPriceMinor = 1_000_000;
export const maxBenefits = 12;

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}: ${max} characters at most.` });

/** A price as typed ("12", "£12.50"); blank for none. */
const price = (label: string) =>
  z
    .string()
    .trim()
    .transform((raw, context) => {
      if (raw === '') return null;
      const minor = parseTypedAmount(raw);
      if (minor === null) {
        context.addIssue({
          code: 'custom',
          message: `${label}: type an amount, such as 12 or 12.50.`,
        });
        return z.NEVER;
      }
      if (minor < minPriceMinor || minor > maxPriceMinor) {
        context.addIssue({
          code: 'custom',
          message: `${label}: between ${minPriceMinor / 100} and ${(maxPriceMinor / 100).toLocaleString('en-GB')}.`,
        });
        return z.NEVER;
      }
      return minor;
    });

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === 'on' || value === 'true');

export const tierInputSchema = z
  .object({
    name: text(80, 'Name').min(1, { error: 'Give the tier a name.' }),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .transform((value) => value || null)
      .pipe(
        z
          .string()
          .max(60, { error: 'Slug: 60 characters at most.' })
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
            error: 'Slug: lower-case letters, digits and single hyphens.',
          })
          .nullable(),
      ),
    description: text(1000, 'Description'),
    benefits: z
      .string()
      .transform((raw) =>
        raw
          .split(/\r?\n/)
          .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().max(160, { error: 'Benefits: 160 characters a line at most.' }))
          .max(maxBenefits, { error: `Benefits: ${maxBenefits} lines at most.` }),
      ),
    monthlyPrice: price('Monthly price'),
    yearlyPrice: price('Yearly price'),
    currency: z.enum(tierCurrencies, { error: 'Choose a currency.' }),
    trialDays: z
      .string()
      .trim()
      .transform((raw, context) => {
        if (raw === '' || raw === '0') return null;
        const days = /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
        if (!(days >= 1 && days <= 365)) {
          context.addIssue({ code: 'custom', message: 'Free trial: a number of days, 1 to 365.' });
          return z.NEVER;
        }
        return days;
      }),
    visible: checkbox,
    position: z
      .string()
      .trim()
      .transform((raw, context) => {
        if (raw === '') return 0;
        if (!/^-?\d{1,4}$/.test(raw)) {
          context.addIssue({ code: 'custom', message: 'Order: a whole number.' });
          return z.NEVER;
        }
        return Number(raw);
      }),
    giftAidEligible: checkbox,
  })
  .superRefine((tier, context) => {
    if (tier.visible && tier.monthlyPrice === null && tier.yearlyPrice === null) {
      context.addIssue({
        code: 'custom',
        path: ['monthlyPrice'],
        message: 'A tier people can see needs a monthly or a yearly price, or both.',
      });
    }
  });

export type TierInput = z.input<typeof tierInputSchema>;
export type TierFields = z.output<typeof tierInputSchema>;

/** A tier's fields as its form shows them. */
export function tierFormValues(tier: {
  name: string;
  slug: string;
  description: string;
  benefits: string[];
  monthlyPriceMinor: number | null;
  yearlyPriceMinor: number | null;
  currency: string;
  trialDays: number | null;
  visible: boolean;
  position: number;
  giftAidEligible: boolean;
}): Record<(typeof tierFieldNames)[number], string> {
  const typed = (minor: number | null) => (minor === null ? '' : (minor / 100).toFixed(2));
  return {
    name: tier.name,
    slug: tier.slug,
    description: tier.description,
    benefits: tier.benefits.join('\n'),
    monthlyPrice: typed(tier.monthlyPriceMinor),
    yearlyPrice: typed(tier.yearlyPriceMinor),
    currency: tier.currency,
    trialDays: tier.trialDays === null ? '' : String(tier.trialDays),
    visible: tier.visible ? 'on' : '',
    position: String(tier.position),
    giftAidEligible: tier.giftAidEligible ? 'on' : '',
  };
}
