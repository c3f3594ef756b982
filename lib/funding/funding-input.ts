import { z } from 'zod';
import { funderBands } from '@/db/schema';
import { requiredLine, textLine } from '@/lib/editorial/fields';

const yearMessage = 'Enter the year as four digits, such as 2025.';

export const yearSchema = z.coerce
  .number({ error: yearMessage })
  .int(yearMessage)
  .min(1900, yearMessage)
  .max(2200, yearMessage);

const optionalUrl = z
  .string({ error: 'Enter the web address as text.' })
  .trim()
  // The database accepts only a lower-case scheme; "HTTPS://" is the same address.
  .overwrite((value) => value.replace(/^https?:/i, (scheme) => scheme.toLowerCase()))
  .max(2000, 'Keep the web address to 2,000 characters or fewer.')
  .refine(
    (value) => value === '' || (/^https?:\/\/\S+$/.test(value) && URL.canParse(value)),
    'Enter the full web address, starting with https:// or http://, or leave it blank.',
  )
  .nullish()
  .transform((value) => value || null);

/** A funder of one year, as an admin enters it. */
export const funderInputSchema = z.object({
  name: requiredLine('Enter the funder’s name.', 200, 'Keep the name to 200 characters or fewer.'),
  band: z.enum(funderBands, { error: 'Choose how much they gave, by band.' }),
  year: yearSchema,
  purpose: textLine(500, 'Keep the purpose to 500 characters or fewer.'),
  url: optionalUrl,
});

const incomeMessage = 'Enter the total income in pounds, such as 1,250,000 or 1250000.50.';

/** The institution's total income in a year, typed in pounds, kept in pence. */
export const fundingYearInputSchema = z.object({
  year: yearSchema,
  totalIncome: z
    .string({ error: incomeMessage })
    .transform((value) => value.replace(/[£,\s]/g, ''))
    .refine((value) => /^\d{1,12}(\.\d{1,2})?$/.test(value), incomeMessage)
    .transform((value) => Math.round(Number(value) * 100)),
  note: textLine(300, 'Keep the note to 300 characters or fewer.'),
});

export type FunderInput = z.input<typeof funderInputSchema>;
export type FundingYearInput = z.input<typeof fundingYearInputSchema>;

export const funderFieldNames = ['name', 'band', 'year', 'purpose', 'url'] as const;
export const fundingYearFieldNames = ['year', 'totalIncome', 'note'] as const;
