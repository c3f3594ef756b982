import { z } from 'zod';
import { topicKinds } from '@/db/schema';
import { longText, optionalId, optionalLine, optionalSlug, requiredLine } from './fields';

export const expertInputSchema = z.object({
  slug: optionalSlug,
  name: requiredLine('Give the expert’s name.', 120, 'Keep the name to 120 characters or fewer.'),
  jobTitle: optionalLine(160, 'Keep the job title to 160 characters or fewer.'),
  bio: longText(5000, 'Keep the biography to 5,000 characters or fewer.'),
  photoId: optionalId('Choose the photo from the library, or none.'),
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
