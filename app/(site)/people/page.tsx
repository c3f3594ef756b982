import type { Metadata } from 'next';
import Link from 'next/link';
import { PeopleFilters } from '@/components/people/people-filters';
import { PersonCard } from '@/components/people/person-card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeading } from '@/components/ui/page-heading';
import { parsePeopleParams, peoplePath, personRolePlurals } from '@/lib/content/people';
import { getPeopleDirectory, type PeopleDirectory } from '@/lib/content/people-directory';

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const load = async (searchParams: Props['searchParams']) =>
  getPeopleDirectory(parsePeopleParams(await searchParams));

/** "Fellows working on Energy", "Everyone", …: what the filters chose. */
function filterTitle({ filter }: PeopleDirectory): string {
  const who = filter.role ? personRolePlurals[filter.role] : 'Everyone';
  return filter.topic ? `${who} working on ${filter.topic.name}` : who;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const directory = await load(searchParams);
  const { role, topic } = directory.filter;
  const filtered = Boolean(role || topic);
  return {
    title: filtered ? `People: ${filterTitle(directory)}` : 'People',
    description: 'The fellows, staff, trustees and associates of the Institute.',
    alternates: { canonical: peoplePath({ role, topic: topic?.slug }) },
  };
}

export default async function PeoplePage({ searchParams }: Props) {
  const directory = await load(searchParams);
  const filtered = Boolean(directory.filter.role || directory.filter.topic);
  return (
    <>
      <PageHeading
        eyebrow="The Institute"
        title="People"
        description="Our fellows and associates who do the research, the staff who run the Institute, and the trustees who govern it."
      >
        <PeopleFilters directory={directory} />
      </PageHeading>
      <p role="status" className="mb-8 text-muted">
        <span className="font-semibold text-ink">{filterTitle(directory)}</span>: {directory.total}{' '}
        {directory.total === 1 ? 'person' : 'people'}
        {filtered && (
          <>
            {' · '}
            <Link href="/people" className="text-accent underline">
              Show everyone
            </Link>
          </>
        )}
      </p>
      {directory.total === 0 ? (
        <EmptyState title="No one matches these filters">
          <p>
            Try another role or area, or{' '}
            <Link href="/people" className="text-accent underline">
              see everyone
            </Link>
            .
          </p>
        </EmptyState>
      ) : (
        directory.groups.map((group) => (
          <section key={group.role} aria-labelledby={`${group.role}-heading`} className="mb-12">
            <h2 id={`${group.role}-heading`} className="mb-5 font-serif text-2xl font-semibold">
              {personRolePlurals[group.role]}
            </h2>
            <ul className="grid gap-8 md:grid-cols-2 lg:grid-cols-3">
              {group.people.map((person) => (
                <li key={person.slug}>
                  <PersonCard person={person} />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
