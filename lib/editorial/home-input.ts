import { z } from 'zod';
import { optionalId } from './fields';

/** How many topics may have a section of their own: more would bury the rest of the page. */
export const maxHomeTopics = 4;

export const homeTopicFields = Array.from(
  { length: maxHomeTopics },
  (_, index) => `topic${index + 1}`,
);

const unknownArticle = 'Choose a piece from the list.';
const unknownTopic = 'Choose a topic from the list.';

/**
 * The home page's choices as the form posts them: each topic section is its own select, in
 * order, so the order needs no script. Blank means "none" (a lead or publication chosen by date).
 */
export const homeInputSchema = z
  .object({
    leadArticleId: optionalId(unknownArticle),
    featuredPublicationId: optionalId(unknownArticle),
    ...Object.fromEntries(homeTopicFields.map((name) => [name, optionalId(unknownTopic)])),
  })
  .superRefine((value, context) => {
    const seen = new Set<string>();
    for (const name of homeTopicFields) {
      const id = (value as Record<string, string | null>)[name];
      if (!id) continue;
      if (seen.has(id)) {
        context.addIssue({ code: 'custom', path: [name], message: 'This topic is chosen above.' });
      }
      seen.add(id);
    }
  })
  .transform((value) => {
    const fields = value as Record<string, string | null>;
    return {
      leadArticleId: value.leadArticleId,
      featuredPublicationId: value.featuredPublicationId,
      topicIds: homeTopicFields.flatMap((name) => fields[name] ?? []),
    };
  });

export type HomeInput = z.output<typeof homeInputSchema>;
