import { ArticleBody } from '@/components/articles/article-body';
import { ArticleGrid } from '@/components/articles/article-grid';
import { ArticleHeader } from '@/components/articles/article-header';
import { CiteThis } from '@/components/articles/cite-this';
import { HeroFigure } from '@/components/articles/hero-figure';
import { MembersTeaser } from '@/components/articles/members-teaser';
import { PublicationPanel } from '@/components/articles/publication-panel';
import { ReadTheRest } from '@/components/articles/read-the-rest';
import { ShareLinks } from '@/components/articles/share-links';
import { TopicLinks } from '@/components/articles/topic-links';
import { AuthorBox } from '@/components/experts/author-box';
import { PieceSignup } from '@/components/newsletters/piece-signup';
import { JsonLd } from '@/components/seo/json-ld';
import { getSiteConfig } from '@/lib/config/site';
import { formatCitations } from '@/lib/content/citation';
import { articleKindLabels } from '@/lib/content/labels';
import { renderMarkdown } from '@/lib/content/markdown';
import { readingMinutes } from '@/lib/content/reading';
import type { ExpertInfo } from '@/lib/content/queries/taxonomy';
import type { ArticleDetail, ArticleSummary } from '@/lib/content/types';
import { pdfPath } from '@/lib/publications/paths';
import { absoluteUrl, articleData, breadcrumbData } from '@/lib/seo/structured-data';

/** An article as its reader may see it: the body when they may read it, a teaser otherwise. */
export function ArticleView({
  article,
  experts,
  related,
  signedIn = false,
  holdsTier = false,
}: {
  article: ArticleDetail;
  /** The byline's experts, for the box about them at the end. */
  experts: ExpertInfo[];
  related: ArticleSummary[];
  /** Set on the per-request view of a signed-in reader. */
  signedIn?: boolean;
  /** Set when that reader holds a paid tier. */
  holdsTier?: boolean;
}) {
  const url = absoluteUrl(`/articles/${article.slug}`);
  const { publication } = article;
  return (
    <>
      <article className="mx-auto max-w-3xl">
        <ArticleHeader article={article} minutes={readingMinutes(article.wordCount)} />
        {publication && (
          <PublicationPanel
            publication={publication}
            slug={article.slug}
            title={article.title}
            mayRead={article.body !== null}
          />
        )}
        {article.hero && <HeroFigure hero={article.hero} />}
        {article.body !== null ? (
          <ArticleBody html={renderMarkdown(article.body)} />
        ) : (
          <MembersTeaser
            slug={article.slug}
            forTiers={article.visibility === 'tiers'}
            tiers={article.tiers}
            signedIn={signedIn}
            holdsTier={holdsTier}
          />
        )}
        {article.externalSource && <ReadTheRest source={article.externalSource} />}
        <TopicLinks topics={article.topics} />
        <AuthorBox experts={experts} />
        <ShareLinks url={url} title={article.title} />
        <CiteThis
          citations={formatCitations({
            title: article.title,
            authors: article.authors,
            publishedAt: new Date(article.publishedAt),
            url,
            publisher: getSiteConfig().name,
            kind: articleKindLabels[article.kind],
            ...(publication && {
              publication: {
                pdfUrl: publication.document ? absoluteUrl(pdfPath(article.slug)) : null,
                doi: publication.doi,
                isbn: publication.isbn,
              },
            }),
          })}
        />
        <PieceSignup piece={article} />
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
