import Link from 'next/link';
import type { TopicLink } from '@/lib/content/types';

export function TopicLinks({ topics }: { topics: TopicLink[] }) {
  if (topics.length === 0) return null;
  return (
    <nav aria-label="Topics and regions" className="no-print mt-10">
      <h2 className="text-xs font-semibold uppercase tracking-wider text-muted">
        Topics and regions
      </h2>
      <ul className="mt-3 flex flex-wrap gap-2">
        {topics.map((topic) => (
          <li key={topic.slug}>
            <Link
              href={`/topics/${topic.slug}`}
              className="inline-block rounded-full border border-rule px-3 py-1 text-sm text-ink hover:border-navy hover:text-navy"
            >
              {topic.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
