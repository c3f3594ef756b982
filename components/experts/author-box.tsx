import { personPath } from '@/lib/content/people';
import Link from 'next/link';
import { ExpertPhoto } from '@/components/experts/expert-photo';
import { shortBio } from '@/lib/content/short-bio';
import type { ExpertInfo } from '@/lib/content/queries/taxonomy';

/** Who wrote the piece, at its end: each author's photo, role and the start of their bio. */
export function AuthorBox({ experts }: { experts: ExpertInfo[] }) {
  if (experts.length === 0) return null;
  return (
    <section aria-labelledby="authors-heading" className="mt-12 border-t border-rule pt-8">
      <h2
        id="authors-heading"
        className="text-xs font-semibold uppercase tracking-wider text-muted"
      >
        {experts.length === 1 ? 'About the author' : 'About the authors'}
      </h2>
      <ul className="mt-4 space-y-6">
        {experts.map((expert) => (
          // On a phone the bio runs under the photo, at the column's full width.
          <li
            key={expert.slug}
            className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 sm:items-start"
          >
            <div className="sm:row-span-2">
              <ExpertPhoto expert={expert} size={72} />
            </div>
            <div>
              <h3 className="font-serif text-lg font-semibold">
                <Link href={personPath(expert.slug)} className="text-navy hover:underline">
                  {expert.name}
                </Link>
              </h3>
              {expert.jobTitle && <p className="text-sm text-muted">{expert.jobTitle}</p>}
            </div>
            <p className="col-span-2 max-w-prose leading-relaxed sm:col-span-1 sm:col-start-2">
              {shortBio(expert.bio)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
