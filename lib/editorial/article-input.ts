import { z } from 'zod';
import { articleKinds, articleVisibilities } from '@/db/schema';
import { doiSchema, isbnSchema } from '@/lib/publications/identifiers';
import { isPublicationKind } from '@/lib/publications/kinds';
import {
  idSet,
  longText,
  optionalId,
  optionalLine,
  optionalSlug,
  requiredLine,
  textLine,
  uuid,
} from './fields';

const noExpert = 'Add at least one expert to the byline.';

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && /^https?:\/\/\S+$/.test(value)
    );
  } catch {
    return false;
  }
}

const externalUrl = z
  .string({ error: 'Enter the link as text.' })
  .trim()
  // The database accepts only a lower-case scheme; "HTTPS://" is the same address.
  .overwrite((value) => value.replace(/^https?:/i, (scheme) => scheme.toLowerCase()))
  .refine(
    (value) => value === '' || isHttpUrl(value),
    'Enter the full web address of the original, starting with https:// or http://.',
  )
  .max(2000, 'Keep the link to 2,000 characters or fewer.')
  .nullish()
  .transform((value) => value || null);

const optionalDate = z
  .union([z.date(), z.string().trim()], { error: 'Enter a valid date.' })
  .nullish()
  .transform((value, context) => {
    if (!value) return null;
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: 'custom', message: 'Enter a valid date.' });
      return z.NEVER;
    }
    return date;
  });

const articleFields = z.object({
  title: requiredLine(
    'Give the article a title.',
    200,
    'Keep the title to 200 characters or fewer.',
  ),
  slug: optionalSlug,
  kind: z.enum(articleKinds, { error: 'Choose what kind of piece this is.' }),
  standfirst: textLine(600, 'Keep the standfirst to 600 characters or fewer.'),
  body: longText(200_000, 'The body is too long: keep it under 200,000 characters.'),
  authorIds: z
    .array(uuid('Choose the experts from the list.'), { error: noExpert })
    .min(1, noExpert)
    .max(20, 'A byline can name up to 20 experts.')
    .refine(
      (ids) => new Set(ids).size === ids.length,
      'Each expert can appear once in the byline.',
    ),
  seriesId: optionalId('Choose the series from the list, or none.'),
  topicIds: idSet('Choose topics from the list.', 30, 'Choose up to 30 topics.'),
  regionIds: idSet('Choose regions from the list.', 30, 'Choose up to 30 regions.'),
  visibility: z.enum(articleVisibilities, {
    error: 'Choose who may read this piece: everyone, members, or members of chosen tiers.',
  }),
  tierIds: idSet('Choose tiers from the list.', 20, 'Choose up to 20 tiers.'),
  externalSourceName: optionalLine(200, 'Keep the publication’s name to 200 characters or fewer.'),
  externalSourceUrl: externalUrl,
  externalPublishedAt: optionalDate,
  heroImageId: optionalId('Choose the image from the library, or none.'),
  heroAlt: optionalLine(300, 'Keep the description to 300 characters or fewer.'),
  heroCaption: optionalLine(500, 'Keep the caption to 500 characters or fewer.'),
  heroCredit: optionalLine(200, 'Keep the credit to 200 characters or fewer.'),
  // A publication's (report, briefing, paper): absent from revisions saved before they existed.
  documentId: optionalId('Choose the PDF from the list, or none.'),
  coverImageId: optionalId('Choose the cover from the library, or none.'),
  coverAlt: optionalLine(300, 'Keep the cover’s description to 300 characters or fewer.'),
  keyFindings: longText(5000, 'Keep the key findings under 5,000 characters.'),
  isbn: isbnSchema,
  doi: doiSchema,
});

type Fields = z.output<typeof articleFields>;

const everyProblem = { when: (payload: { value: unknown }) => typeof payload.value === 'object' };

// Runs even when single fields fail (see `everyProblem`), so the editor sees every problem at
// once; it reads values only for truthiness, as some may not have parsed.
function checkPairs(fields: Fields, context: z.RefinementCtx) {
  const { externalSourceName: name, externalSourceUrl: url } = fields;
  if (name && !url) {
    context.addIssue({
      code: 'custom',
      path: ['externalSourceUrl'],
      message: 'Add the link to the original, or clear the publication’s name.',
    });
  }
  if (url && !name) {
    context.addIssue({
      code: 'custom',
      path: ['externalSourceName'],
      message: 'Name the publication this link goes to, or clear the link.',
    });
  }
  if (fields.externalPublishedAt && !name && !url) {
    context.addIssue({
      code: 'custom',
      path: ['externalPublishedAt'],
      message: 'A date of first publication needs the publication’s name and link.',
    });
  }
  if (fields.visibility === 'tiers' && fields.tierIds?.length === 0) {
    context.addIssue({
      code: 'custom',
      path: ['tierIds'],
      message: 'Choose the tiers whose members may read it.',
    });
  }
  if (fields.coverImageId && !fields.coverAlt) {
    context.addIssue({
      code: 'custom',
      path: ['coverAlt'],
      message: 'Describe the cover for readers who cannot see it.',
    });
  }
  if (fields.heroImageId && !fields.heroAlt) {
    context.addIssue({
      code: 'custom',
      path: ['heroAlt'],
      message: 'Describe the image for readers who cannot see it.',
    });
  }
}

/** The article form: every editable field of an article and its bylines and topics. */
export const articleInputSchema = articleFields.superRefine(checkPairs, everyProblem);

/** The form when editing: also the version the editor started from. */
export const articleUpdateSchema = articleFields
  .extend({
    expectedVersion: z.coerce
      .number({ error: 'This form has lost track of its version. Reload the page.' })
      .int('This form has lost track of its version. Reload the page.')
      .min(1, 'This form has lost track of its version. Reload the page.'),
    // A substantive change: readers see an "Updated" date. Ordinary corrections leave it be.
    markRevised: z.boolean({ error: 'Choose whether to show an “Updated” date.' }).default(false),
  })
  .superRefine(checkPairs, everyProblem);

export const scheduleSchema = z
  .date({ error: 'Enter a valid date and time.' })
  .refine((at) => at.getTime() > Date.now(), 'Choose a time in the future.');

export type ArticleInput = z.input<typeof articleInputSchema>;
export type ArticleFields = z.output<typeof articleInputSchema>;
export type ArticleUpdateInput = z.input<typeof articleUpdateSchema>;
export type ArticleUpdate = z.output<typeof articleUpdateSchema>;

type PublicationFieldName =
  'documentId' | 'coverImageId' | 'coverAlt' | 'keyFindings' | 'isbn' | 'doi';
export type PublicationFields = Pick<ArticleFields, PublicationFieldName>;

/** The editable fields as saved in a revision: JSON, so the date is a string; the slug is settled. */
export type ArticleSnapshot = Omit<
  ArticleFields,
  'slug' | 'externalPublishedAt' | 'tierIds' | PublicationFieldName
> & {
  slug: string;
  externalPublishedAt: string | null;
  /** Absent from revisions saved before tiers existed. */
  tierIds?: string[];
} & Partial<PublicationFields>;

/**
 * A publication's own fields, or none for other kinds: a commentary carries no PDF, so a kind
 * changed away from report drops them rather than keeping them out of sight.
 */
export function publicationFields(fields: ArticleFields): PublicationFields {
  if (!isPublicationKind(fields.kind)) {
    return {
      documentId: null,
      coverImageId: null,
      coverAlt: null,
      keyFindings: '',
      isbn: null,
      doi: null,
    };
  }
  return {
    documentId: fields.documentId,
    coverImageId: fields.coverImageId,
    coverAlt: fields.coverImageId ? fields.coverAlt : null,
    keyFindings: fields.keyFindings,
    isbn: fields.isbn,
    doi: fields.doi,
  };
}

/** The tiers a piece is limited to: none unless its visibility says tiers. */
export const chosenTiers = (fields: Pick<ArticleFields, 'visibility' | 'tierIds'>) =>
  fields.visibility === 'tiers' ? fields.tierIds : [];

export function toSnapshot(fields: ArticleFields, slug: string): ArticleSnapshot {
  return {
    title: fields.title,
    slug,
    kind: fields.kind,
    standfirst: fields.standfirst,
    body: fields.body,
    authorIds: fields.authorIds,
    seriesId: fields.seriesId,
    topicIds: fields.topicIds,
    regionIds: fields.regionIds,
    visibility: fields.visibility,
    tierIds: chosenTiers(fields),
    externalSourceName: fields.externalSourceName,
    externalSourceUrl: fields.externalSourceUrl,
    externalPublishedAt: fields.externalPublishedAt?.toISOString() ?? null,
    heroImageId: fields.heroImageId,
    heroAlt: fields.heroAlt,
    heroCaption: fields.heroCaption,
    heroCredit: fields.heroCredit,
    ...publicationFields(fields),
  };
}
