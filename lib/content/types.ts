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
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}
