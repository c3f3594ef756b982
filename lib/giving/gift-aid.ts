import { z } from 'zod';

// HMRC's Charities Online schedule caps these fields; longer values are refused there.
export const giftAidLimits = { title: 4, firstName: 35, lastName: 35, house: 40 } as const;

// A UK postcode (outward and inward parts); HMRC matches claims on it.
const ukPostcode = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;

/** "sw1a1aa" and "SW1A  1AA" both become "SW1A 1AA"; null when it is not a UK postcode. */
export function normalisePostcode(raw: string): string | null {
  const match = ukPostcode.exec(raw.trim().toUpperCase().replace(/\s+/g, ' '));
  return match ? `${match[1]} ${match[2]}` : null;
}

/**
 * The declaration the donor agrees to, in HMRC's model wording. The charity keeps the exact
 * text with the declaration, since that is what a claim rests on.
 */
export function giftAidDeclarationText(charityName: string, coversPastFourYears: boolean): string {
  const scope = coversPastFourYears
    ? 'this donation, any donations I make in the future and any I have made in the past 4 years'
    : 'this donation and any donations I make in the future';
  return (
    `I want to Gift Aid ${scope} to ${charityName}. I am a UK taxpayer and understand that ` +
    'if I pay less Income Tax and/or Capital Gains Tax than the amount of Gift Aid claimed on ' +
    'all my donations in that tax year it is my responsibility to pay any difference.'
  );
}

/** A line of text with its runs of spaces collapsed, as people's names should be stored. */
export const collapsedText = (empty: string, max: number, tooLong: string) =>
  z
    .string()
    .transform((value) => value.trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(1, empty).max(max, tooLong));

const text = (label: string, max: number) =>
  collapsedText(
    `Enter your ${label}.`,
    max,
    `Your ${label} must be ${max} characters or fewer for HMRC.`,
  );

export const giftAidFieldsSchema = z.object({
  giftAidTitle: z
    .string()
    .trim()
    .max(
      giftAidLimits.title,
      `A title must be ${giftAidLimits.title} characters or fewer (Mr, Mrs, Ms, Dr…).`,
    )
    .transform((value) => value || null),
  giftAidFirstName: text('first name', giftAidLimits.firstName),
  giftAidLastName: text('last name', giftAidLimits.lastName),
  giftAidHouse: text('house name or number', giftAidLimits.house),
  giftAidPostcode: z.string().transform((value, context) => {
    const postcode = normalisePostcode(value);
    if (!postcode) {
      context.addIssue({
        code: 'custom',
        message: 'Enter a UK postcode, like SW1A 1AA. Gift Aid needs a UK address.',
      });
      return z.NEVER;
    }
    return postcode;
  }),
  giftAidPastFourYears: z.boolean(),
});

export type GiftAidFields = z.output<typeof giftAidFieldsSchema>;

/**
 * The declaration a form asks to make, read from its fields (a ticked `giftAid` box and HMRC's
 * details): null when the box is not ticked, or each field's problem.
 */
export function declarationFromForm(
  values: Record<string, string | undefined>,
): { ok: true; declaration: GiftAidFields | null } | { ok: false; errors: Record<string, string> } {
  if (values.giftAid !== 'on') return { ok: true, declaration: null };
  const declared = giftAidFieldsSchema.safeParse({
    ...values,
    giftAidPastFourYears: values.giftAidPastFourYears === 'on',
  });
  if (declared.success) return { ok: true, declaration: declared.data };
  const errors: Record<string, string> = {};
  for (const issue of declared.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return { ok: false, errors };
}
