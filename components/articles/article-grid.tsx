import type { ArticleSummary } from '@/lib/content/types';
import { ArticleCard } from './article-card';

interface Props {
  articles: ArticleSummary[];
  headingLevel?: 'h2' | 'h3';
}

export function ArticleGrid({ articles, headingLevel = 'h3' }: Props) {
  return (
    <ul className="grid gap-x-8 gap-y-10 sm:grid-cols-2 lg:grid-cols-3">
      {articles.map((article) => (
        <li key={article.id}>
          <ArticleCard article={article} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
