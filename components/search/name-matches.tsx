import { personPath } from '@/lib/content/people';
import Link from 'next/link';
import { ExpertPhoto } from '@/components/experts/expert-photo';
import type { ExpertMatch, SeriesMatch } from '@/lib/search/names';

interface Props {
  experts: ExpertMatch[];
  series: SeriesMatch[];
}

/** The experts and series whose names match the search, above the matching articles. */
export function NameMatches({ experts, series }: Props) {
  if (experts.length === 0 && series.length === 0) return null;
  return (
    <div className="mt-6 grid gap-x-8 gap-y-4 border-b border-rule pb-5 sm:mt-10 sm:grid-cols-2">
      <MatchList
        id="people-heading"
        heading="People"
        matches={experts.map((expert) => ({
          key: expert.slug,
          href: personPath(expert.slug),
          name: expert.name,
          detail: expert.jobTitle,
          picture: <ExpertPhoto expert={expert} size={40} />,
        }))}
      />
      <MatchList
        id="series-heading"
        heading="Series"
        matches={series.map((item) => ({
          key: item.slug,
          href: `/series/${item.slug}`,
          name: item.name,
          detail: item.description,
        }))}
      />
    </div>
  );
}

interface Match {
  key: string;
  href: string;
  name: string;
  detail: string | null;
  picture?: React.ReactNode;
}

function MatchList({ id, heading, matches }: { id: string; heading: string; matches: Match[] }) {
  if (matches.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-xs font-semibold tracking-wide text-muted uppercase">
        {heading}
      </h2>
      <ul className="mt-2 space-y-2">
        {matches.map((match) => (
          <li key={match.key} className="flex items-center gap-3">
            {match.picture}
            <p className="min-w-0 leading-tight">
              <Link
                href={match.href}
                className="font-serif text-lg font-semibold hover:text-accent hover:underline"
              >
                {match.name}
              </Link>
              {match.detail && (
                <span className="line-clamp-1 block text-sm text-muted">{match.detail}</span>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
