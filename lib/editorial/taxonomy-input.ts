import { z } from 'zod';
import { personRoles, topicKinds } from '@/db/schema';
import { checkbox, optionalContactEmail, optionalContactPhone } from './contact-fields';
import { idSet, longText, optionalId, optionalLine, optionalSlug, requiredLine } from './fields';

// A form posts its ticked areas as one comma-separated value, so that SaveState stays text.
const idList = (unknown: string, max: number, tooMany: string) =>
  z
    .union([z.string(), z.array(z.string())], { error: unknown })
    .optional()
    .transform((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
    .pipe(idSet(unknown, max, tooMany));

export const expertInputSchema = z
  .object({
    slug: optionalSlug,
    name: requiredLine('Give the person’s name.', 120, 'Keep the name to 120 characters or fewer.'),
    jobTitle: optionalLine(160, 'Keep the job title to 160 characters or fewer.'),
    role: z
      .enum(personRoles, { error: 'Choose fellow, staff, trustee or associate.' })
      .default('fellow'),
    bio: longText(5000, 'Keep the biography to 5,000 characters or fewer.'),
    photoId: optionalId('Choose the photo from the library, or none.'),
    topicIds: idList('Choose the areas from the list.', 30, 'Choose up to 30 areas.'),
    acceptsMedia: checkbox,
    mediaEmail: optionalContactEmail,
    mediaPhone: optionalContactPhone,
  })
  .superRefine((value, context) => {
    // The database refuses it too (authors_media_contact_given); this says how to put it right.
    if (value.acceptsMedia && !value.mediaEmail && !value.mediaPhone) {
      context.addIssue({
        code: 'custom',
        path: ['mediaEmail'],
        message:
          'Give an e-mail address or a phone number for journalists, or untick “Takes media requests”.',
      });
    }
  });

export const seriesInputSchema = z.object({
  slug: optionalSlug,
  name: requiredLine('Give the series a name.', 120, 'Keep the name to 120 characters or fewer.'),
  description: longText(2000, 'Keep the description to 2,000 characters or fewer.'),
  columnistId: optionalId('Choose the columnist from the experts, or none.'),
});

export const topicInputSchema = z.object({
  slug: optionalSlug,
  name: requiredLine('Give it a name.', 120, 'Keep the name to 120 characters or fewer.'),
  kind: z.enum(topicKinds, { error: 'Choose whether this is a topic or a region.' }),
  description: longText(2000, 'Keep the description to 2,000 characters or fewer.'),
});

export type ExpertInput = z.input<typeof expertInputSchema>;
export type ExpertFields = z.output<typeof expertInputSchema>;
export type SeriesInput = z.input<typeof seriesInputSchema>;
export type SeriesFields = z.output<typeof seriesInputSchema>;
export type TopicInput = z.input<typeof topicInputSchema>;
export type TopicFields = z.output<typeof topicInputSchema>;
