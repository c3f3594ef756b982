import { z } from 'zod';
import { contactEmail, optionalContactPhone } from '@/lib/editorial/contact-fields';
import { optionalId, position, requiredLine, textLine } from '@/lib/editorial/fields';

export const pressContactInputSchema = z.object({
  name: requiredLine('Give the contact’s name.', 120, 'Keep the name to 120 characters or fewer.'),
  role: textLine(160, 'Keep the role to 160 characters or fewer.'),
  email: contactEmail,
  phone: optionalContactPhone.transform((value) => value ?? ''),
  hours: textLine(160, 'Keep the hours to 160 characters or fewer.'),
  position,
});

const isHttpUrl = (value: string) => {
  if (!URL.canParse(value)) return false;
  const { protocol, hostname } = new URL(value);
  return (protocol === 'https:' || protocol === 'http:') && hostname.includes('.');
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (value: string) =>
  isoDate.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export const coverageInputSchema = z.object({
  title: requiredLine(
    'Give the headline of the piece.',
    300,
    'Keep the headline to 300 characters or fewer.',
  ),
  outlet: requiredLine(
    'Name the outlet, such as a newspaper or programme.',
    120,
    'Keep the outlet’s name to 120 characters or fewer.',
  ),
  publishedOn: z
    .string({ error: 'Give the date it appeared.' })
    .trim()
    .min(1, 'Give the date it appeared.')
    .refine(isRealDate, 'Give the date as a real day, such as 2026-03-14.'),
  url: z
    .string({ error: 'Give the piece’s web address.' })
    .trim()
    // The database accepts only a lower-case scheme; "HTTPS://" is the same address.
    .overwrite((value) => value.replace(/^https?:/i, (scheme) => scheme.toLowerCase()))
    .min(1, 'Give the piece’s web address.')
    .max(2000, 'Keep the web address to 2,000 characters or fewer.')
    .refine(isHttpUrl, 'Give the full web address, starting with https:// or http://.'),
  authorId: optionalId('Choose the person from the list, or none.'),
});

export type PressContactInput = z.input<typeof pressContactInputSchema>;
export type PressContactFields = z.output<typeof pressContactInputSchema>;
export type CoverageInput = z.input<typeof coverageInputSchema>;
export type CoverageFields = z.output<typeof coverageInputSchema>;
