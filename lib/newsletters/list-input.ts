import { z } from 'zod';
import { newsletterListKinds } from '@/db/schema';
import {
  longText,
  optionalId,
  optionalSlug,
  position,
  requiredLine,
  textLine,
} from '@/lib/editorial/fields';

const noSource = 'Choose which series it follows.';
const noTopic = 'Choose which topic it follows.';

export const listInputSchema = z
  .object({
    name: requiredLine(
      'Give the newsletter a name.',
      120,
      'Keep the name to 120 characters or fewer.',
    ),
    slug: optionalSlug,
    description: longText(600, 'Keep the description to 600 characters or fewer.').overwrite(
      (value) => value.replace(/\s+/g, ' ').trim(),
    ),
    cadence: textLine(120, 'Keep how often to 120 characters or fewer.'),
    kind: z.enum(newsletterListKinds, { error: 'Choose how it is sent.' }),
    seriesId: optionalId('Choose a series from the list.'),
    topicId: optionalId('Choose a topic from the list.'),
    archived: z
      .string()
      .optional()
      .transform((value) => value === 'on'),
    softOptIn: z
      .string()
      .optional()
      .transform((value) => value === 'on'),
    position,
  })
  .superRefine((input, context) => {
    if (input.softOptIn && input.archived) {
      context.addIssue({
        code: 'custom',
        path: ['softOptIn'],
        message: 'A retired list cannot be offered to donors: untick one of the two.',
      });
    }
    if (input.kind === 'series' && !input.seriesId) {
      context.addIssue({ code: 'custom', path: ['seriesId'], message: noSource });
    }
    if (input.kind === 'topic' && !input.topicId) {
      context.addIssue({ code: 'custom', path: ['topicId'], message: noTopic });
    }
  })
  // Only the kind's own source is kept, so a list changed from series to digest forgets it.
  .transform((input) => ({
    ...input,
    seriesId: input.kind === 'series' ? input.seriesId : null,
    topicId: input.kind === 'topic' ? input.topicId : null,
  }));

export type ListInput = z.input<typeof listInputSchema>;
export type ListFields = z.output<typeof listInputSchema>;
