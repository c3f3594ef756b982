import Link from 'next/link';
import { ExpertPhoto } from '@/components/experts/expert-photo';
import { personPath, personRoleLabels } from '@/lib/content/people';
import type { ExpertInfo } from '@/lib/content/queries/taxonomy';

/** One person in a list: photo, name, job title and role. */
export function PersonCard({
  person,
  headingLevel: Heading = 'h3',
}: {
  person: ExpertInfo;
  headingLevel?: 'h2' | 'h3';
}) {
  return (
    <div className="flex items-start gap-4">
      <ExpertPhoto expert={person} size={80} />
      <div>
        <Heading className="font-serif text-xl font-semibold">
          <Link href={personPath(person.slug)} className="hover:text-accent hover:underline">
            {person.name}
          </Link>
        </Heading>
        {person.jobTitle && <p className="text-sm font-medium text-muted">{person.jobTitle}</p>}
        <p className="mt-1 text-xs font-semibold uppercase tracking-wider text-accent">
          {personRoleLabels[person.role]}
        </p>
      </div>
    </div>
  );
}
