import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeading } from '@/components/ui/page-heading';
import { getAllSeries } from '@/lib/content/cached';
import { formatLongDate } from '@/lib/time/london';

export const metadata: Metadata = {
  title: 'Series and columns',
  description: 'Regular series and our experts’ columns.',
  alternates: { canonical: '/series' },
};

export default async function SeriesIndexPage() {
  const series = await getAllSeries();
  return (
    <>
      <PageHeading
        eyebrow="Read"
        title="Series and columns"
        description="Running series on the questions we follow closely, and our experts’ regular columns."
      />
      {series.length === 0 ? (
        <EmptyState title="No series yet" />
      ) : (
        <ul className="grid gap-8 md:grid-cols-2">
          {series.map((item) => (
            <li key={item.slug} className="border-t-4 border-navy pt-4">
              <h2 className="font-serif text-2xl font-semibold">
                <Link href={`/series/${item.slug}`} className="hover:text-accent hover:underline">
                  {item.name}
                </Link>
              </h2>
              {item.columnist && (
                <p className="mt-1 text-sm font-medium text-muted">
                  A column by {item.columnist.name}
                </p>
              )}
              <p className="mt-3 text-muted">{item.description}</p>
              <p className="mt-3 text-sm text-muted">
                {item.articleCount} {item.articleCount === 1 ? 'piece' : 'pieces'}
                {item.latestAt && <> · latest {formatLongDate(item.latestAt)}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
