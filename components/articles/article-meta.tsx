import { personPath } from '@/lib/content/people';
import Link from 'next/link';
import type { Byline } from '@/lib/content/types';
import { formatLongDate } from '@/lib/time/london';

interface Props {
  authors: Pick<Byline, 'slug' | 'name'>[];
  publishedAt: string;
}

export function Bylines({ authors }: { authors: Pick<Byline, 'slug' | 'name'>[] }) {
  return authors.map((author, index) => (
    <span key={author.slug}>
      {index > 0 && (index === authors.length - 1 ? ' and ' : ', ')}
      <Link href={personPath(author.slug)} className="font-medium text-ink hover:underline">
        {author.name}
      </Link>
    </span>
  ));
}

export function ArticleMeta({ authors, publishedAt }: Props) {
  return (
    <p className="text-sm text-muted">
      {authors.length > 0 && (
        <>
          <Bylines authors={authors} />
          <span aria-hidden="true"> · </span>
        </>
      )}
      <time dateTime={publishedAt}>{formatLongDate(publishedAt)}</time>
    </p>
  );
}
