import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleCard } from '@/components/articles/article-card';
import { ArticleGrid } from '@/components/articles/article-grid';
import { JsonLd } from '@/components/seo/json-ld';
import { getArticlePage, getAllSeries } from '@/lib/content/cached';
import { getSiteConfig } from '@/lib/config/site';
import { organizationData } from '@/lib/seo/structured-data';

export const metadata: Metadata = { alternates: { canonical: '/' } };

export default async function HomePage() {
  const site = getSiteConfig();
  const [latest, series] = await Promise.all([getArticlePage({}, 1, 13), getAllSeries()]);
  // The first page of a listing always exists.
  const [lead, ...rest] = latest?.items ?? [];

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
          <div className="mb-6 flex items-baseline justify-between">
            <h2 id="latest-heading" className="font-serif text-2xl font-semibold">
              Latest
            </h2>
            <Link href="/analysis" className="text-sm font-semibold text-accent hover:underline">
              All analysis
            </Link>
          </div>
          <ArticleGrid articles={rest} />
        </section>
      )}
      {series.length > 0 && (
        <section aria-labelledby="series-heading" className="mt-16 border-t border-rule pt-10">
          <div className="mb-6 flex items-baseline justify-between">
            <h2 id="series-heading" className="font-serif text-2xl font-semibold">
              Series and columns
            </h2>
            <Link href="/series" className="text-sm font-semibold text-accent hover:underline">
              All series
            </Link>
          </div>
          <ul className="grid gap-6 md:grid-cols-2">
            {series.map((item) => (
              <li key={item.slug} className="rounded border border-rule bg-white p-6">
                <h3 className="font-serif text-xl font-semibold">
                  <Link href={`/series/${item.slug}`} className="hover:text-accent hover:underline">
                    {item.name}
                  </Link>
                </h3>
                {item.columnist && (
                  <p className="mt-1 text-sm text-muted">A column by {item.columnist.name}</p>
                )}
                <p className="mt-2 text-muted">{item.description}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section
        aria-labelledby="appeal-heading"
        className="mt-16 rounded bg-navy px-6 py-10 text-white md:px-10"
      >
        <h2 id="appeal-heading" className="font-serif text-3xl font-semibold">
          {site.homeAppeal.heading}
        </h2>
        <p className="mt-3 max-w-2xl text-lg leading-relaxed text-white/90">
          {site.homeAppeal.body}
        </p>
        <Link
          href={site.homeAppeal.action.href}
          className="mt-6 inline-block rounded bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark"
        >
          {site.homeAppeal.action.label}
        </Link>
      </section>
      <JsonLd data={organizationData()} />
    </>
  );
}
