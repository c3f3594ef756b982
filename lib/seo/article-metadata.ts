import { personPath } from '@/lib/content/people';
import type { Metadata } from 'next';
import { getSiteConfig } from '@/lib/config/site';
import { articleKindLabels } from '@/lib/content/labels';
import type { ArticleDetail } from '@/lib/content/types';
import { absoluteUrl } from './structured-data';

export function articleMetadata(article: ArticleDetail): Metadata {
  const url = absoluteUrl(`/articles/${article.slug}`);
  return {
    title: article.title,
    description: article.standfirst,
    authors: article.authors.map((author) => ({
      name: author.name,
      url: personPath(author.slug),
    })),
    // An excerpt points search engines at the original publication.
    alternates: { canonical: article.externalSource?.url ?? url },
    openGraph: {
      type: 'article',
      url,
      title: article.title,
      description: article.standfirst,
      siteName: getSiteConfig().name,
      publishedTime: article.publishedAt,
      modifiedTime: article.revisedAt ?? article.publishedAt,
      authors: article.authors.map((author) => absoluteUrl(personPath(author.slug))),
      section: articleKindLabels[article.kind],
      tags: article.topics.map((topic) => topic.name),
    },
    twitter: { card: 'summary_large_image', title: article.title, description: article.standfirst },
  };
}
