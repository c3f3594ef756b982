import Link from 'next/link';
import { ArticleCard } from '@/components/articles/article-card';
import { listLatestArticles } from '@/lib/content/articles';
import { getSiteConfig } from '@/lib/config/site';

// Re-rendered in the background at most once a minute; publishing will revalidate it at once.
export const revalidate = 60;

export default async function HomePage() {
  const site = getSiteConfig();
  const [lead, ...rest] = await listLatestArticles(13);

  return (
    <>
      <h1 className="sr-only">{site.name}: latest analysis</h1>
      {lead ? (
        <section aria-label="Lead article" className="border-b border-rule pb-10">
          <ArticleCard article={lead} lead headingLevel="h2" />
        </section>
      ) : (
        <p className="py-16 text-center text-lg text-muted">
          Nothing has been published yet. Articles appear here as soon as editors publish them.
        </p>
      )}
      {rest.length > 0 && (
        <section aria-labelledby="latest-heading" className="pt-10">
          <div className="flex items-baseline justify-between">
            <h2 id="latest-heading" className="font-serif text-2xl font-semibold">
              Latest
            </h2>
            <Link href="/analysis" className="text-sm font-semibold text-accent hover:underline">
              All analysis
            </Link>
          </div>
          <ul className="mt-6 grid gap-x-8 gap-y-10 sm:grid-cols-2 lg:grid-cols-3">
            {rest.map((article) => (
              <li key={article.id}>
                <ArticleCard article={article} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
