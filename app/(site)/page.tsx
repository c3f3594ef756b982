import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleCard } from '@/components/articles/article-card';
import { ArticleGrid } from '@/components/articles/article-grid';
import { ExpertPhoto } from '@/components/experts/expert-photo';
import { FeaturedPublication } from '@/components/home/featured-publication';
import { SectionHeading } from '@/components/home/section-heading';
import { SignupForm } from '@/components/newsletters/signup-form.client';
import { JsonLd } from '@/components/seo/json-ld';
import { getAllExperts, getAllSeries, getHomeSections } from '@/lib/content/cached';
import { getSiteConfig } from '@/lib/config/site';
import { getOpenLists } from '@/lib/newsletters/public';
import { personPath } from '@/lib/content/people';
import { organizationData } from '@/lib/seo/structured-data';

export const metadata: Metadata = { alternates: { canonical: '/' } };

// A row of four portraits fills the width on a desktop and two rows on a phone.
const expertsShown = 4;

export default async function HomePage() {
  const site = getSiteConfig();
  const [sections, series, experts, lists] = await Promise.all([
    getHomeSections(),
    getAllSeries(),
    getAllExperts(),
    getOpenLists(),
  ]);

  const { lead, featuredPublication, latest, topics } = sections;
  const prolific = experts
    .filter((expert) => expert.role === 'fellow' && expert.articleCount > 0)
    .sort((a, b) => b.articleCount - a.articleCount || a.name.localeCompare(b.name))
    .slice(0, expertsShown);

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
      {featuredPublication && <FeaturedPublication publication={featuredPublication} />}
      {latest.length > 0 && (
        <section aria-labelledby="latest-heading" className="pt-10">
          <SectionHeading
            id="latest-heading"
            title="Latest"
            more={{ href: '/analysis', label: 'All analysis' }}
          />
          <ArticleGrid articles={latest} />
        </section>
      )}
      {topics.map((topic) => (
        <section
          key={topic.slug}
          aria-labelledby={`topic-${topic.slug}-heading`}
          className="mt-16 border-t border-rule pt-10"
        >
          <SectionHeading
            id={`topic-${topic.slug}-heading`}
            title={topic.name}
            more={{ href: `/topics/${topic.slug}`, label: `More on ${topic.name}` }}
          />
          <ArticleGrid articles={topic.articles} />
        </section>
      ))}
      {series.length > 0 && (
        <section aria-labelledby="series-heading" className="mt-16 border-t border-rule pt-10">
          <SectionHeading
            id="series-heading"
            title="Series and columns"
            more={{ href: '/series', label: 'All series' }}
          />
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
      {prolific.length > 0 && (
        <section aria-labelledby="experts-heading" className="mt-16 border-t border-rule pt-10">
          <SectionHeading
            id="experts-heading"
            title="Our experts"
            more={{ href: '/people', label: 'All our people' }}
          />
          <ul className="grid grid-cols-2 gap-8 lg:grid-cols-4">
            {prolific.map((expert) => (
              <li key={expert.slug} className="flex flex-col items-center text-center">
                <ExpertPhoto expert={expert} size={112} />
                <h3 className="mt-3 font-serif text-lg font-semibold">
                  <Link
                    href={personPath(expert.slug)}
                    className="hover:text-accent hover:underline"
                  >
                    {expert.name}
                  </Link>
                </h3>
                {expert.jobTitle && <p className="text-sm text-muted">{expert.jobTitle}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {lists.length > 0 && (
        <section
          aria-labelledby="newsletter-heading"
          className="mt-16 grid gap-6 border-t border-rule pt-10 md:grid-cols-[2fr_3fr]"
        >
          <div>
            <h2 id="newsletter-heading" className="font-serif text-3xl font-semibold">
              Our research by e-mail
            </h2>
            <p className="mt-3 text-lg leading-relaxed text-muted">
              Free, and without an account: the weekly briefing, a series as it appears, or
              everything on a topic. Choose as many as you like.
            </p>
            <Link href="/newsletters" className="mt-3 inline-block font-semibold underline">
              What each newsletter sends
            </Link>
          </div>
          <SignupForm lists={lists} checked={lists.slice(0, 1).map((list) => list.id)} />
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
