import type { ArticleSummary } from '@/lib/content/types';
import { ArticleCard } from './article-card';

interface Props {
  articles: ArticleSummary[];
  headingLevel?: 'h2' | 'h3';
  /** The grid opens the page, so its first image is the largest thing a phone shows at once. */
  opensPage?: boolean;
}

export function ArticleGrid({ articles, headingLevel = 'h3', opensPage = false }: Props) {
  return (
    <ul className="grid gap-x-8 gap-y-10 sm:grid-cols-2 lg:grid-cols-3">
      {articles.map((article, index) => (
        <li key={article.id}>
          <ArticleCard
            article={article}
            headingLevel={headingLevel}
            prominent={opensPage && index === 0}
          />
        </li>
      ))}
    </ul>
  );
}
