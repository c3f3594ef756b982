import Link from 'next/link';
import { personPath } from '@/lib/content/people';
import type { CoverageRow } from '@/lib/press/press-reads';
import { formatLongDate } from '@/lib/time/london';

/** "In the news": links out to coverage elsewhere, newest first. */
export function CoverageList({ items }: { items: CoverageRow[] }) {
  if (items.length === 0) {
    return <p className="mt-4 text-muted">Coverage of our work will be listed here.</p>;
  }
  return (
    <ul className="mt-4 divide-y divide-rule border-y border-rule">
      {items.map((item) => (
        <li key={item.id} className="py-4">
          <p className="text-xs font-semibold uppercase tracking-wider text-muted">
            {item.outlet} ·{' '}
            <time dateTime={item.publishedOn}>
              {formatLongDate(`${item.publishedOn}T12:00:00Z`)}
            </time>
          </p>
          <h3 className="mt-1 font-serif text-lg font-semibold">
            <a href={item.url} rel="noopener" className="hover:text-accent hover:underline">
              {item.title}
              <span className="sr-only"> (on {item.outlet}’s site)</span>
            </a>
          </h3>
          {item.person && (
            <p className="mt-1 text-sm text-muted">
              With{' '}
              <Link href={personPath(item.person.slug)} className="text-navy underline">
                {item.person.name}
              </Link>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
