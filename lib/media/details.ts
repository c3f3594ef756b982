import { z } from 'zod';

/** What an editor says about an image: alt text for people who cannot see it, and a credit. */
export const mediaDetailsSchema = z.object({
  alt: z
    .string()
    .trim()
    .min(1, 'Describe the image in a few words for readers who cannot see it (alt text).')
    .max(500, 'Keep the alt text to 500 characters or fewer.'),
  credit: z
    .string()
    .trim()
    .max(200, 'Keep the credit to 200 characters or fewer.')
    .nullish()
    .transform((credit) => credit || null),
});

export type MediaDetails = z.input<typeof mediaDetailsSchema>;
