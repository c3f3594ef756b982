import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/articles/article-body';
import { ArticleGrid } from '@/components/articles/article-grid';
import { ArticleHeader } from '@/components/articles/article-header';
import { CiteThis } from '@/components/articles/cite-this';
import { HeroFigure } from '@/components/articles/hero-figure';
import { MembersTeaser } from '@/components/articles/members-teaser';
import { ReadTheRest } from '@/components/articles/read-the-rest';
import { ShareLinks } from '@/components/articles/share-links';
import { TopicLinks } from '@/components/articles/topic-links';
import { JsonLd } from '@/components/seo/json-ld';
import { getSiteConfig } from '@/lib/config/site';
import { getPublicArticle, getSlugsToPrerender, getRelatedArticles } from '@/lib/content/cached';
import { formatCitations } from '@/lib/content/citation';
import { articleKindLabels } from '@/lib/content/labels';
import { renderMarkdown } from '@/lib/content/markdown';
import { readingMinutes } from '@/lib/content/reading';
import { isSlug } from '@/lib/content/slug';
import { absoluteUrl, articleData, breadcrumbData } from '@/lib/seo/structured-data';

export const revalidate = 60;

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateStaticParams() {
  return (await getSlugsToPrerender(50)).map((slug) => ({ slug }));
}

async function load(params: Props['params']) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const article = await getPublicArticle(slug);
  if (!article) notFound();
  return article;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load(params);
  const url = absoluteUrl(`/articles/${article.slug}`);
  return {
    title: article.title,
    description: article.standfirst,
    authors: article.authors.map((author) => ({
      name: author.name,
      url: `/experts/${author.slug}`,
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
      authors: article.authors.map((author) => absoluteUrl(`/experts/${author.slug}`)),
      section: articleKindLabels[article.kind],
      tags: article.topics.map((topic) => topic.name),
    },
    twitter: { card: 'summary_large_image', title: article.title, description: article.standfirst },
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await load(params);
  const related = await getRelatedArticles(article.id);
  const url = absoluteUrl(`/articles/${article.slug}`);
  const site = getSiteConfig();

  return (
    <>
      <article className="mx-auto max-w-3xl">
        <ArticleHeader article={article} minutes={readingMinutes(article.wordCount)} />
        {article.hero && <HeroFigure hero={article.hero} />}
        {article.body !== null ? (
          <ArticleBody html={renderMarkdown(article.body)} />
        ) : (
          <MembersTeaser slug={article.slug} />
        )}
        {article.externalSource && <ReadTheRest source={article.externalSource} />}
        <TopicLinks topics={article.topics} />
        <ShareLinks url={url} title={article.title} />
        <CiteThis
          citations={formatCitations({
            title: article.title,
            authors: article.authors,
            publishedAt: new Date(article.publishedAt),
            url,
            publisher: site.name,
            kind: articleKindLabels[article.kind],
          })}
        />
      </article>
      {related.length > 0 && (
        <aside
          aria-labelledby="related-heading"
          className="no-print mt-16 border-t border-rule pt-10"
        >
          <h2 id="related-heading" className="mb-6 font-serif text-2xl font-semibold">
            Related
          </h2>
          <ArticleGrid articles={related} />
        </aside>
      )}
      <JsonLd
        data={[
          articleData(article),
          breadcrumbData([
            { name: 'Home', path: '/' },
            article.series
              ? { name: article.series.name, path: `/series/${article.series.slug}` }
              : { name: 'Analysis', path: '/analysis' },
            { name: article.title, path: `/articles/${article.slug}` },
          ]),
        ]}
      />
    </>
  );
}
