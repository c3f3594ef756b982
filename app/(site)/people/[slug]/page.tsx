import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleListing } from '@/components/articles/article-listing';
import { ExpertPhoto } from '@/components/experts/expert-photo';
import { MediaContact } from '@/components/people/media-contact';
import { JsonLd } from '@/components/seo/json-ld';
import { FeedLink } from '@/components/ui/feed-link';
import { getExpertBySlug } from '@/lib/content/cached';
import { listingPath } from '@/lib/content/listing';
import { loadOwnedListing, type OwnedListingProps } from '@/lib/content/owned-listing';
import { personPath, personRoleLabels } from '@/lib/content/people';
import { breadcrumbData, personData } from '@/lib/seo/structured-data';

type Props = OwnedListingProps;

const load = (props: Props) => loadOwnedListing(props, getExpertBySlug, 'authorSlug');

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { owner: person, page } = await load(props);
  const path = personPath(person.slug);
  return {
    title: page > 1 ? `${person.name}, page ${page}` : person.name,
    description: person.jobTitle ?? person.bio.slice(0, 160),
    alternates: {
      canonical: listingPath(path, { page }),
      types: { 'application/rss+xml': [{ url: `${path}/feed.xml`, title: person.name }] },
    },
    openGraph: { type: 'profile', title: person.name, description: person.jobTitle ?? undefined },
  };
}

export default async function PersonPage(props: Props) {
  const { owner: person, result } = await load(props);
  const path = personPath(person.slug);
  return (
    <>
      <header className="mb-10 flex flex-col gap-6 border-b border-rule pb-8 sm:flex-row sm:items-start">
        <ExpertPhoto expert={person} size={160} />
        <div className="min-w-0">
          <p className="text-xs font-semibold uppercase tracking-wider text-accent">
            {personRoleLabels[person.role]}
          </p>
          <h1 className="mt-2 font-serif text-4xl font-semibold">{person.name}</h1>
          {person.jobTitle && <p className="mt-1 text-lg text-muted">{person.jobTitle}</p>}
          {person.bio && (
            <p className="mt-4 max-w-prose font-serif text-lg leading-relaxed">{person.bio}</p>
          )}
          {person.areas.length > 0 && (
            <nav aria-labelledby="areas-heading" className="mt-6">
              <h2
                id="areas-heading"
                className="text-xs font-semibold uppercase tracking-wider text-muted"
              >
                Areas of work
              </h2>
              <ul className="mt-2 flex flex-wrap gap-2">
                {person.areas.map((area) => (
                  <li key={area.slug}>
                    <Link
                      href={`/topics/${area.slug}`}
                      className="inline-block rounded-full border border-rule px-3 py-1 text-sm text-ink hover:border-navy hover:text-navy"
                    >
                      {area.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {person.media && <MediaContact name={person.name} contact={person.media} />}
          <FeedLink href={`${path}/feed.xml`} label={`RSS feed of ${person.name}’s work`} />
        </div>
      </header>
      <h2 className="mb-6 font-serif text-2xl font-semibold">Work by {person.name}</h2>
      <ArticleListing
        result={result}
        basePath={path}
        headingLevel="h3"
        opensPage={false}
        emptyTitle={`Nothing by ${person.name} yet`}
      />
      <JsonLd
        data={[
          personData(person),
          breadcrumbData([
            { name: 'Home', path: '/' },
            { name: 'People', path: '/people' },
            { name: person.name, path },
          ]),
        ]}
      />
    </>
  );
}
