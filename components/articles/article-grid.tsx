import type { ArticleSummary } from '@/lib/content/types';
import { ArticleCard } from './article-card';

export function ArticleGrid({ articles }: { articles: ArticleSummary[] }) {
  return (
    <ul className="grid gap-x-8 gap-y-10 sm:grid-cols-2 lg:grid-cols-3">
      {articles.map((article) => (
        <li key={article.id}>
          <ArticleCard article={article} />
        </li>
      ))}
    </ul>
  );
}
