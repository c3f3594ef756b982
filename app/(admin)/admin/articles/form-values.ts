import type { EditorFormState } from '@/components/admin/form-state';
import type { ArticleSnapshot, ArticleUpdateInput } from '@/lib/editorial/article-input';

/** The article form's fields as the browser holds them: text, and lists of ids. */
export interface ArticleFormValues {
  title: string;
  slug: string;
  kind: string;
  standfirst: string;
  body: string;
  authorIds: string[];
  seriesId: string;
  topicIds: string[];
  regionIds: string[];
  visibility: string;
  tierIds: string[];
  externalSourceName: string;
  externalSourceUrl: string;
  /** A date input's value, "2026-11-18", or blank. */
  externalPublishedAt: string;
  heroImageId: string;
  heroAlt: string;
  heroCaption: string;
  heroCredit: string;
  documentId: string;
  coverImageId: string;
  coverAlt: string;
  keyFindings: string;
  isbn: string;
  doi: string;
}

export type ArticleField = keyof ArticleFormValues;

export const fieldLabels: Record<ArticleField, string> = {
  title: 'Title',
  slug: 'Slug',
  kind: 'Kind',
  standfirst: 'Standfirst',
  body: 'Body',
  authorIds: 'Authors',
  seriesId: 'Series',
  topicIds: 'Topics',
  regionIds: 'Regions',
  visibility: 'Who may read it',
  tierIds: 'Tiers',
  externalSourceName: 'Original publication',
  externalSourceUrl: 'Link to the original',
  externalPublishedAt: 'First published there on',
  heroImageId: 'Hero image',
  heroAlt: 'Hero image description (alt text)',
  heroCaption: 'Hero image caption',
  heroCredit: 'Hero image credit',
  documentId: 'PDF',
  coverImageId: 'Cover image',
  coverAlt: 'Cover description (alt text)',
  keyFindings: 'Key findings',
  isbn: 'ISBN',
  doi: 'DOI',
};

export const emptyArticleValues: ArticleFormValues = {
  title: '',
  slug: '',
  kind: 'analysis',
  standfirst: '',
  body: '',
  authorIds: [],
  seriesId: '',
  topicIds: [],
  regionIds: [],
  visibility: 'public',
  tierIds: [],
  externalSourceName: '',
  externalSourceUrl: '',
  externalPublishedAt: '',
  heroImageId: '',
  heroAlt: '',
  heroCaption: '',
  heroCredit: '',
  documentId: '',
  coverImageId: '',
  coverAlt: '',
  keyFindings: '',
  isbn: '',
  doi: '',
};

export function valuesFromSnapshot(snapshot: ArticleSnapshot): ArticleFormValues {
  return {
    title: snapshot.title,
    slug: snapshot.slug,
    kind: snapshot.kind,
    standfirst: snapshot.standfirst,
    body: snapshot.body,
    authorIds: snapshot.authorIds,
    seriesId: snapshot.seriesId ?? '',
    topicIds: snapshot.topicIds,
    regionIds: snapshot.regionIds,
    visibility: snapshot.visibility,
    tierIds: snapshot.tierIds ?? [],
    externalSourceName: snapshot.externalSourceName ?? '',
    externalSourceUrl: snapshot.externalSourceUrl ?? '',
    externalPublishedAt: snapshot.externalPublishedAt?.slice(0, 10) ?? '',
    heroImageId: snapshot.heroImageId ?? '',
    heroAlt: snapshot.heroAlt ?? '',
    heroCaption: snapshot.heroCaption ?? '',
    heroCredit: snapshot.heroCredit ?? '',
    documentId: snapshot.documentId ?? '',
    coverImageId: snapshot.coverImageId ?? '',
    coverAlt: snapshot.coverAlt ?? '',
    keyFindings: snapshot.keyFindings ?? '',
    isbn: snapshot.isbn ?? '',
    doi: snapshot.doi ?? '',
  };
}

/** The form's fields, as posted, in the shape the lib's schemas read. */
export function articleInputFromForm(form: FormData): ArticleUpdateInput {
  const text = (name: ArticleField) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const list = (name: ArticleField) =>
    form.getAll(name).filter((value): value is string => typeof value === 'string' && !!value);
  return {
    title: text('title'),
    slug: text('slug'),
    kind: text('kind') as ArticleUpdateInput['kind'],
    standfirst: text('standfirst'),
    body: text('body'),
    authorIds: list('authorIds'),
    seriesId: text('seriesId'),
    topicIds: list('topicIds'),
    regionIds: list('regionIds'),
    visibility: text('visibility') as ArticleUpdateInput['visibility'],
    tierIds: list('tierIds'),
    externalSourceName: text('externalSourceName'),
    externalSourceUrl: text('externalSourceUrl'),
    externalPublishedAt: text('externalPublishedAt'),
    heroImageId: text('heroImageId'),
    heroAlt: text('heroAlt'),
    heroCaption: text('heroCaption'),
    heroCredit: text('heroCredit'),
    documentId: text('documentId'),
    coverImageId: text('coverImageId'),
    coverAlt: text('coverAlt'),
    keyFindings: text('keyFindings'),
    isbn: text('isbn'),
    doi: text('doi'),
    expectedVersion: Number(form.get('expectedVersion')),
    markRevised: form.get('markRevised') === 'on',
  };
}

function same(a: ArticleFormValues, b: ArticleFormValues, field: ArticleField): boolean {
  if (field === 'authorIds') return a.authorIds.join() === b.authorIds.join();
  if (field === 'topicIds' || field === 'regionIds' || field === 'tierIds') {
    return [...a[field]].sort().join() === [...b[field]].sort().join();
  }
  return a[field].trim() === b[field].trim();
}

/** The fields where two versions of the form differ, in the form's order. */
export function changedFields(a: ArticleFormValues, b: ArticleFormValues): ArticleField[] {
  return (Object.keys(fieldLabels) as ArticleField[]).filter((field) => !same(a, b, field));
}

/** What an action answers the article form with. */
export type ArticleFormState = EditorFormState<
  ArticleFormValues,
  'saved' | 'published' | 'scheduled' | 'unpublished'
>;
