import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeading } from '@/components/ui/page-heading';
import { getAllTopics } from '@/lib/content/cached';
import type { TopicInfo } from '@/lib/content/queries/taxonomy';

export const metadata: Metadata = {
  title: 'Topics and regions',
  description: 'Browse our work by policy area and by region.',
  alternates: { canonical: '/topics' },
};

function TopicGroup({ heading, topics }: { heading: string; topics: TopicInfo[] }) {
  return (
    <section aria-labelledby={`${heading}-heading`} className="mb-12">
      <h2 id={`${heading}-heading`} className="mb-5 font-serif text-2xl font-semibold">
        {heading}
      </h2>
      <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {topics.map((topic) => (
          <li key={topic.slug} className="rounded border border-rule bg-white p-5">
            <h3 className="font-serif text-xl font-semibold">
              <Link href={`/topics/${topic.slug}`} className="hover:text-accent hover:underline">
                {topic.name}
              </Link>
            </h3>
            <p className="mt-2 text-sm text-muted">{topic.description}</p>
            <p className="mt-3 text-xs font-semibold uppercase tracking-wide text-muted">
              {topic.articleCount} {topic.articleCount === 1 ? 'piece' : 'pieces'}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default async function TopicsPage() {
  const topics = await getAllTopics();
  return (
    <>
      <PageHeading
        eyebrow="Browse"
        title="Topics and regions"
        description="Our work by policy area and by part of the world."
      />
      <TopicGroup heading="Topics" topics={topics.filter((topic) => topic.kind === 'topic')} />
      <TopicGroup heading="Regions" topics={topics.filter((topic) => topic.kind === 'region')} />
    </>
  );
}
