import Link from 'next/link';
import { formatLongDate } from '@/lib/format/date';

interface Props {
  authors: { slug: string; name: string }[];
  publishedAt: Date;
}

export function ArticleMeta({ authors, publishedAt }: Props) {
  return (
    <p className="text-sm text-muted">
      {authors.length > 0 && (
        <>
          {authors.map((author, index) => (
            <span key={author.slug}>
              {index > 0 && (index === authors.length - 1 ? ' and ' : ', ')}
              <Link
                href={`/experts/${author.slug}`}
                className="font-medium text-ink hover:underline"
              >
                {author.name}
              </Link>
            </span>
          ))}
          <span aria-hidden="true"> · </span>
        </>
      )}
      <time dateTime={publishedAt.toISOString()}>{formatLongDate(publishedAt)}</time>
    </p>
  );
}
