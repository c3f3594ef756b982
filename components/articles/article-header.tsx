import { formatLongDate, isSameDay } from '@/lib/time/london';
import type { ArticleDetail } from '@/lib/content/types';
import { Bylines } from './article-meta';
import { KindLabel } from './kind-label';

export function ArticleHeader({ article, minutes }: { article: ArticleDetail; minutes: number }) {
  const revised =
    article.revisedAt && !isSameDay(article.revisedAt, article.publishedAt)
      ? article.revisedAt
      : null;
  return (
    <header>
      <KindLabel kind={article.kind} series={article.series} visibility={article.visibility} />
      <h1 className="mt-3 font-serif text-4xl font-semibold leading-tight text-ink md:text-5xl">
        {article.title}
      </h1>
      {article.standfirst && (
        <p className="mt-4 font-serif text-xl leading-snug text-muted md:text-2xl">
          {article.standfirst}
        </p>
      )}
      <div className="mt-6 flex flex-col gap-1 border-t border-rule pt-4 text-sm text-muted">
        {article.authors.length > 0 && (
          <p className="text-base">
            By <Bylines authors={article.authors} />
          </p>
        )}
        <p>
          <time dateTime={article.publishedAt}>{formatLongDate(article.publishedAt)}</time>
          {revised && (
            <>
              <span aria-hidden="true"> · </span>
              Updated <time dateTime={revised}>{formatLongDate(revised)}</time>
            </>
          )}
          <span aria-hidden="true"> · </span>
          {minutes} min read
        </p>
        {article.externalSource?.publishedAt && (
          <p>
            Originally published in{' '}
            <cite className="not-italic">{article.externalSource.name}</cite> on{' '}
            <time dateTime={article.externalSource.publishedAt}>
              {formatLongDate(article.externalSource.publishedAt)}
            </time>
          </p>
        )}
      </div>
    </header>
  );
}
