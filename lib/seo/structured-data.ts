import { personPath } from '@/lib/content/people';
import { getSiteConfig } from '@/lib/config/site';
import { articleKindLabels } from '@/lib/content/labels';
import type { ArticleDetail } from '@/lib/content/types';
import type { ExpertInfo } from '@/lib/content/queries/taxonomy';

export function absoluteUrl(path: string): string {
  return new URL(path, `${getSiteConfig().url}/`).toString();
}

export function organizationData() {
  const site = getSiteConfig();
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': `${site.url}/#organization`,
    name: site.name,
    url: site.url,
    logo: absoluteUrl('/icon.svg'),
    description: site.tagline,
  };
}

export function personData(expert: ExpertInfo) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    '@id': absoluteUrl(`${personPath(expert.slug)}#person`),
    name: expert.name,
    jobTitle: expert.jobTitle ?? undefined,
    description: expert.bio || undefined,
    url: absoluteUrl(personPath(expert.slug)),
    image: expert.photo ? absoluteUrl(expert.photo.src) : undefined,
    worksFor: { '@id': `${getSiteConfig().url}/#organization` },
  };
}

export function articleData(article: ArticleDetail) {
  const site = getSiteConfig();
  const url = absoluteUrl(`/articles/${article.slug}`);
  return {
    '@context': 'https://schema.org',
    '@type': article.kind === 'report' ? 'Report' : 'NewsArticle',
    '@id': `${url}#article`,
    headline: article.title,
    description: article.standfirst,
    url,
    mainEntityOfPage: url,
    datePublished: article.publishedAt,
    dateModified: article.revisedAt ?? article.publishedAt,
    articleSection: articleKindLabels[article.kind],
    keywords: article.topics.map((topic) => topic.name).join(', ') || undefined,
    image: article.hero ? [absoluteUrl(article.hero.src)] : undefined,
    author: article.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: absoluteUrl(personPath(author.slug)),
    })),
    publisher: {
      '@type': 'Organization',
      name: site.name,
      url: site.url,
      logo: absoluteUrl('/icon.svg'),
    },
    isAccessibleForFree: article.visibility === 'public',
    ...(article.visibility !== 'public'
      ? {
          hasPart: {
            '@type': 'WebPageElement',
            isAccessibleForFree: false,
            cssSelector: '.members-only',
          },
        }
      : {}),
    isPartOf: article.series
      ? {
          '@type': 'CreativeWorkSeries',
          name: article.series.name,
          url: absoluteUrl(`/series/${article.series.slug}`),
        }
      : undefined,
  };
}

export function breadcrumbData(items: { name: string; path: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: absoluteUrl(item.path),
    })),
  };
}
