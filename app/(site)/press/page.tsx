import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleGrid } from '@/components/articles/article-grid';
import { PersonCard } from '@/components/people/person-card';
import { CoverageList } from '@/components/press/coverage-list';
import { PressContacts } from '@/components/press/press-contacts';
import { FeedLink } from '@/components/ui/feed-link';
import { PageHeading } from '@/components/ui/page-heading';
import {
  getLatestCoverage,
  getLatestPressReleases,
  getMediaPeople,
  getPressContacts,
} from '@/lib/content/press';
import { maxRequestLength } from '@/lib/press/media-request';
import { MediaRequestForm } from './media-request-form.client';

export const metadata: Metadata = {
  title: 'Press office',
  description:
    'Contacts for journalists, experts available for interview, press releases and coverage of our work.',
  alternates: { canonical: '/press' },
};

const answerTime =
  'We answer within two hours while the press office is open (its hours are beside each contact), and requests sent after hours by 10am the next working day. If your deadline is sooner, please also phone us.';

const sectionHeading = 'font-serif text-2xl font-semibold';

export default async function PressPage() {
  const [contacts, people, releases, coverage] = await Promise.all([
    getPressContacts(),
    getMediaPeople(),
    getLatestPressReleases(3),
    getLatestCoverage(),
  ]);
  return (
    <>
      <PageHeading
        eyebrow="The Institute"
        title="Press office"
        description="For journalists and producers: our press team, experts available for interview, press releases and where our work has appeared."
      />
      <div className="grid gap-12 lg:grid-cols-[2fr_3fr]">
        <section aria-labelledby="contacts-heading">
          <h2 id="contacts-heading" className={sectionHeading}>
            Contact the press office
          </h2>
          <PressContacts contacts={contacts} />
        </section>
        <section aria-labelledby="request-heading">
          <h2 id="request-heading" className={sectionHeading}>
            Send a media request
          </h2>
          <p className="mt-2 mb-5 text-muted">
            For interviews, comment, briefings and data. {answerTime}
          </p>
          <MediaRequestForm answerTime={answerTime} maxLength={maxRequestLength} />
        </section>
      </div>
      {people.length > 0 && (
        <section aria-labelledby="experts-heading" className="mt-16 border-t border-rule pt-10">
          <h2 id="experts-heading" className={sectionHeading}>
            Experts available for interview
          </h2>
          <p className="mt-2 text-muted">
            Their pages give their direct contacts; the press office can arrange any of them.
          </p>
          <ul className="mt-6 grid gap-8 md:grid-cols-2 lg:grid-cols-3">
            {people.map((person) => (
              <li key={person.slug}>
                <PersonCard person={person} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="releases-heading" className="mt-16 border-t border-rule pt-10">
        <div className="flex flex-wrap items-baseline justify-between gap-4">
          <h2 id="releases-heading" className={sectionHeading}>
            Latest press releases
          </h2>
          <Link
            href="/press/releases"
            className="text-sm font-semibold text-accent hover:underline"
          >
            All press releases
          </Link>
        </div>
        {releases && releases.items.length > 0 ? (
          <div className="mt-6">
            <ArticleGrid articles={releases.items} />
          </div>
        ) : (
          <p className="mt-4 text-muted">Press releases will be listed here.</p>
        )}
        <FeedLink href="/press/releases/feed.xml" label="RSS feed of press releases" />
      </section>
      <section aria-labelledby="coverage-heading" className="mt-16 border-t border-rule pt-10">
        <h2 id="coverage-heading" className={sectionHeading}>
          In the news
        </h2>
        <CoverageList items={coverage} />
      </section>
    </>
  );
}
