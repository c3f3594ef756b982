import Link from 'next/link';
import { OptimisedImage } from '@/components/ui/optimised-image';
import { articleKindLabels } from '@/lib/content/labels';
import type { ArticleSummary } from '@/lib/content/types';
import { formatLongDate } from '@/lib/time/london';

const listNames = (names: string[]) =>
  new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' }).format(names);

/** The publication an editor puts forward: a band of its own under the lead. */
export function FeaturedPublication({ publication }: { publication: ArticleSummary }) {
  const href = `/articles/${publication.slug}`;
  const kind = articleKindLabels[publication.kind];
  return (
    <section
      aria-labelledby="featured-publication-heading"
      className="mt-10 grid gap-6 rounded bg-navy-deep p-6 text-white md:grid-cols-[2fr_3fr] md:items-center md:p-10"
    >
      {publication.hero && (
        <Link
          href={href}
          tabIndex={-1}
          aria-hidden="true"
          className="block overflow-hidden rounded-sm"
        >
          <OptimisedImage
            src={publication.hero.src}
            width={publication.hero.width}
            height={publication.hero.height}
            alt=""
            sizes="(min-width: 768px) 440px, 100vw"
            className="aspect-[4/3] h-auto w-full object-cover"
          />
        </Link>
      )}
      <div className="flex flex-col gap-3">
        <p className="text-xs font-semibold uppercase tracking-wider text-highlight">
          Featured publication · {kind}
        </p>
        <h2
          id="featured-publication-heading"
          className="font-serif text-3xl font-semibold leading-tight"
        >
          <Link href={href} className="hover:underline">
            {publication.title}
          </Link>
        </h2>
        {publication.standfirst && (
          <p className="font-serif text-lg leading-snug text-white/90">{publication.standfirst}</p>
        )}
        <p className="text-sm text-white/85">
          {publication.authors.length > 0 && (
            <>
              By {listNames(publication.authors.map((author) => author.name))}
              <span aria-hidden="true"> · </span>
            </>
          )}
          <time dateTime={publication.publishedAt}>{formatLongDate(publication.publishedAt)}</time>
        </p>
        <p>
          <Link
            href={href}
            className="mt-2 inline-block rounded bg-white px-4 py-2 font-semibold text-navy-deep hover:bg-highlight"
          >
            Read the {kind.toLowerCase()}
          </Link>
        </p>
      </div>
    </section>
  );
}
