import type { Metadata } from 'next';
import Link from 'next/link';
import { ExpertPhoto } from '@/components/experts/expert-photo';
import { PageHeading } from '@/components/ui/page-heading';
import { getAllExperts } from '@/lib/content/cached';

export const metadata: Metadata = {
  title: 'Our experts',
  description: 'The fellows and researchers behind our work.',
  alternates: { canonical: '/experts' },
};

export default async function ExpertsPage() {
  const experts = await getAllExperts();
  return (
    <>
      <PageHeading
        eyebrow="People"
        title="Our experts"
        description="The fellows and researchers behind our work, and what they write about."
      />
      <ul className="grid gap-8 md:grid-cols-2">
        {experts.map((expert) => (
          <li key={expert.slug} className="flex gap-5">
            <ExpertPhoto expert={expert} size={96} />
            <div>
              <h2 className="font-serif text-xl font-semibold">
                <Link
                  href={`/experts/${expert.slug}`}
                  className="hover:text-accent hover:underline"
                >
                  {expert.name}
                </Link>
              </h2>
              {expert.jobTitle && (
                <p className="text-sm font-medium text-muted">{expert.jobTitle}</p>
              )}
              <p className="mt-2 line-clamp-3 text-sm text-muted">{expert.bio}</p>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
