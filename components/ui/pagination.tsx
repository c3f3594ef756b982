import Link from 'next/link';

interface Props {
  page: number;
  pageCount: number;
  /** The listing's path and the query parameters to keep, such as a filter. */
  basePath: string;
  query?: Record<string, string | undefined>;
}

export function pageHref(basePath: string, page: number, query: Props['query'] = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}

export function Pagination({ page, pageCount, basePath, query }: Props) {
  if (pageCount <= 1) return null;
  const linkClass = 'rounded border border-rule px-3 py-2 font-semibold text-navy hover:bg-white';
  return (
    <nav aria-label="Pagination" className="mt-12 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <Link href={pageHref(basePath, page - 1, query)} rel="prev" className={linkClass}>
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      <p className="text-muted">
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? (
        <Link href={pageHref(basePath, page + 1, query)} rel="next" className={linkClass}>
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
