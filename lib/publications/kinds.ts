import type { ArticleKind, PublicationKind } from '@/db/schema';

export type { PublicationKind };

// The schema's publicationKinds, spelt here too so the editor's browser code can use the list
// without loading the schema.
export const publicationKindList = [
  'report',
  'briefing',
  'paper',
] as const satisfies readonly PublicationKind[];

export const isPublicationKind = (kind: ArticleKind | string): kind is PublicationKind =>
  (publicationKindList as readonly string[]).includes(kind);

/** The kinds' names in the plural, as /publications filters them. */
export const publicationKindPlurals: Record<PublicationKind, string> = {
  report: 'Reports',
  briefing: 'Briefings',
  paper: 'Papers',
};
