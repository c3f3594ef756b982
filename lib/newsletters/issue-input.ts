import { z } from 'zod';
import { longText, requiredLine, textLine, uuid } from '@/lib/editorial/fields';

/** The most pieces one issue carries: more is a digest nobody finishes. */
export const maxIssuePieces = 12;

const unknownPiece = 'Choose the pieces from the list.';

export const issueInputSchema = z
  .object({
    listId: uuid('Choose the newsletter it goes to.'),
    subject: requiredLine(
      'Give the issue a subject line.',
      150,
      'Keep the subject to 150 characters or fewer.',
    ),
    preheader: textLine(200, 'Keep the preview line to 200 characters or fewer.'),
    intro: longText(20_000, 'Keep the introduction to 20,000 characters or fewer.'),
    // In the order the editor put them: the first leads the issue.
    articleIds: z
      .array(uuid(unknownPiece), { error: unknownPiece })
      .max(maxIssuePieces, `An issue carries at most ${maxIssuePieces} pieces.`)
      .default([])
      .refine((ids) => new Set(ids).size === ids.length, 'Each piece can appear once.'),
  })
  .refine((input) => input.articleIds.length > 0 || input.intro.trim() !== '', {
    path: ['articleIds'],
    message: 'Add a piece, or write an introduction: an issue needs something to send.',
  });

export type IssueInput = z.input<typeof issueInputSchema>;
export type IssueFields = z.output<typeof issueInputSchema>;

export const scheduleInputSchema = z.object({
  sendAt: z
    .string({ error: 'Give the day and time to send it.' })
    .trim()
    .min(1, 'Give the day and time to send it.'),
});
