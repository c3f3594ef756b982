import type { ArticleSummary, Page } from '@/lib/content/types';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { ArticleGrid } from './article-grid';

interface Props {
  result: Page<ArticleSummary>;
  basePath: string;
  query?: Record<string, string | undefined>;
  emptyTitle?: string;
  headingLevel?: 'h2' | 'h3';
  /** The listing comes first on its page (see ArticleGrid). */
  opensPage?: boolean;
}

export function ArticleListing({
  result,
  basePath,
  query,
  emptyTitle = 'Nothing here yet',
  headingLevel = 'h2',
  opensPage = true,
}: Props) {
  if (result.items.length === 0) {
    return (
      <EmptyState title={emptyTitle}>
        <p>New work appears here as soon as it is published.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <p className="sr-only" aria-live="polite">
        {result.total} {result.total === 1 ? 'article' : 'articles'}, page {result.page} of{' '}
        {result.pageCount}
      </p>
      <ArticleGrid articles={result.items} headingLevel={headingLevel} opensPage={opensPage} />
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        basePath={basePath}
        query={query}
      />
    </>
  );
}
