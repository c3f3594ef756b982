import type { ArticleKind, ArticleStatus, ArticleVisibility } from '@/db/schema';

export interface SeedArticle {
  slug: string;
  kind: ArticleKind;
  title: string;
  standfirst: string;
  body: string;
  status?: ArticleStatus;
  visibility?: ArticleVisibility;
  /** For visibility 'tiers': the slugs of the tiers whose members may read it. */
  tiers?: string[];
  publishedAt: string | null;
  revisedAt?: string;
  authors: string[];
  series?: string;
  topics: string[];
  hero?: { image: string; caption: string };
  external?: { name: string; url: string; publishedAt: string };
}
