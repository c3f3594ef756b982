import Link from 'next/link';
import { OptimisedImage } from '@/components/ui/optimised-image';
import { renderMarkdown } from '@/lib/content/markdown';
import type { Publication } from '@/lib/content/types';
import { doiUrl } from '@/lib/publications/identifiers';
import { fileSize } from '@/lib/publications/limits';

const pages = (count: number) => `${count} ${count === 1 ? 'page' : 'pages'}`;

/**
 * The top of a report, briefing or paper: its cover, the PDF to download (or, for a reader who
 * may not read it, where to log in), its ISBN and DOI, and the key findings in a box.
 */
export function PublicationPanel({
  publication,
  slug,
  title,
  mayRead,
}: {
  publication: Publication;
  slug: string;
  title: string;
  /** Whether the reader may read the body, and so download the PDF. */
  mayRead: boolean;
}) {
  const { cover, document, isbn, doi, keyFindings } = publication;
  if (!cover && !document && !isbn && !doi && !keyFindings) return null;
  const next = encodeURIComponent(`/articles/${slug}`);
  return (
    <section aria-label="About this publication" className="my-8 space-y-6">
      {(cover || document || isbn || doi) && (
        <div className="flex flex-col gap-6 sm:flex-row sm:items-start">
          {cover && (
            <OptimisedImage
              src={cover.src}
              width={cover.width}
              height={cover.height}
              alt={cover.alt}
              sizes="176px"
              loading="eager"
              className="aspect-[3/4] h-auto w-32 rounded-sm border border-rule object-cover shadow-sm sm:w-44"
            />
          )}
          <div className="space-y-4">
            {document &&
              (mayRead ? (
                <p>
                  <a
                    href={document.href}
                    download
                    className="no-print inline-flex items-center gap-2 rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep"
                  >
                    Download the PDF<span className="sr-only"> of {title}</span>
                  </a>
                  <span className="mt-1 block text-sm text-muted">
                    PDF, {pages(document.pageCount)}, {fileSize(document.bytes)}
                  </span>
                </p>
              ) : (
                <p className="text-sm">
                  The PDF ({pages(document.pageCount)}, {fileSize(document.bytes)}) is for members
                  who may read this piece.{' '}
                  <Link href={`/login?callbackUrl=${next}`} className="text-navy underline">
                    Log in
                  </Link>{' '}
                  or{' '}
                  <Link href="/membership" className="text-navy underline">
                    see membership
                  </Link>
                  .
                </p>
              ))}
            {(isbn || doi) && (
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                {isbn && (
                  <>
                    <dt className="font-semibold">ISBN</dt>
                    <dd>{isbn}</dd>
                  </>
                )}
                {doi && (
                  <>
                    <dt className="font-semibold">DOI</dt>
                    <dd className="break-all">
                      <a href={doiUrl(doi)} className="text-navy underline">
                        {doi}
                      </a>
                    </dd>
                  </>
                )}
              </dl>
            )}
          </div>
        </div>
      )}
      {keyFindings && (
        <section
          aria-labelledby="key-findings-heading"
          className="rounded border-l-4 border-accent bg-white px-6 py-5"
        >
          <h2 id="key-findings-heading" className="font-serif text-2xl font-semibold">
            Key findings
          </h2>
          <div
            className="article-body mt-3"
            dangerouslySetInnerHTML={{ __html: renderMarkdown(keyFindings) }}
          />
        </section>
      )}
    </section>
  );
}
