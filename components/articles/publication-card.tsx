import Link from 'next/link';
import { OptimisedImage } from '@/components/ui/optimised-image';
import type { PublicationSummary } from '@/lib/publications/listing';
import { fileSize } from '@/lib/publications/limits';
import { ArticleMeta } from './article-meta';
import { KindLabel } from './kind-label';

/** A report, briefing or paper in /publications: its cover, what it is, and its PDF's size. */
export function PublicationCard({ publication }: { publication: PublicationSummary }) {
  const href = `/articles/${publication.slug}`;
  const image = publication.cover ?? publication.hero;
  return (
    <article className="flex gap-4 border-t border-rule pt-5 sm:gap-6">
      <Link href={href} tabIndex={-1} aria-hidden="true" className="w-20 shrink-0 sm:w-28">
        {image ? (
          <OptimisedImage
            src={image.src}
            width={image.width}
            height={image.height}
            alt=""
            sizes="112px"
            className="aspect-[3/4] h-auto w-full rounded-sm border border-rule object-cover"
          />
        ) : (
          <span className="block aspect-[3/4] w-full rounded-sm border border-rule bg-navy" />
        )}
      </Link>
      <div className="flex min-w-0 flex-col gap-2">
        <KindLabel
          kind={publication.kind}
          series={publication.series}
          visibility={publication.visibility}
        />
        <h3 className="font-serif text-xl font-semibold leading-tight text-ink">
          <Link href={href} className="hover:text-accent hover:underline">
            {publication.title}
          </Link>
        </h3>
        {publication.standfirst && (
          <p className="font-serif leading-snug text-muted">{publication.standfirst}</p>
        )}
        <ArticleMeta authors={publication.authors} publishedAt={publication.publishedAt} />
        {publication.document && (
          <p className="text-sm font-medium text-ink">
            PDF, {publication.document.pageCount}{' '}
            {publication.document.pageCount === 1 ? 'page' : 'pages'},{' '}
            {fileSize(publication.document.bytes)}
          </p>
        )}
      </div>
    </article>
  );
}
