import type { ArticleKind, ArticleVisibility, TopicKind } from '@/db/schema';

export type { ArticleKind, ArticleVisibility, TopicKind };

// Dates are ISO strings: these values pass through Next's data cache, which stores JSON.

export interface Byline {
  slug: string;
  name: string;
  jobTitle: string | null;
}

export interface HeroImage {
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string | null;
  credit: string | null;
}

export interface ArticleSummary {
  id: string;
  slug: string;
  kind: ArticleKind;
  title: string;
  standfirst: string;
  visibility: ArticleVisibility;
  publishedAt: string;
  series: { slug: string; name: string } | null;
  authors: Byline[];
  hero: HeroImage | null;
}

/** A publication's PDF as readers see it beside the download button. */
export interface PublicationDocument {
  /** The download's address, carrying the PDF's version so a new PDF is a new URL. */
  href: string;
  pageCount: number;
  bytes: number;
}

/** What a report, briefing or paper shows beside its body. */
export interface Publication {
  cover: { src: string; width: number; height: number; alt: string } | null;
  /** Markdown; null when the reader may not read the body, as the findings summarise it. */
  keyFindings: string | null;
  isbn: string | null;
  doi: string | null;
  document: PublicationDocument | null;
}

export interface TopicLink {
  slug: string;
  name: string;
  kind: TopicKind;
}

export interface ArticleDetail extends ArticleSummary {
  /** Null when the reader may not read this article's body. */
  body: string | null;
  revisedAt: string | null;
  wordCount: number;
  topics: TopicLink[];
  /** For a piece only members of some tiers may read: those of them people can join, in order. */
  tiers: { slug: string; name: string }[];
  externalSource: { name: string; url: string; publishedAt: string | null } | null;
  /** For a report, briefing or paper; null for other kinds. */
  publication: Publication | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}
