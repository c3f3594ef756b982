import type { Metadata } from 'next';
import Link from 'next/link';
import { DateTime } from '@/components/admin/date-time';
import { StatusBadge } from '@/components/admin/status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { articleKindLabels } from '@/lib/content/labels';
import { listArticlesForAdmin } from '@/lib/editorial/article-list';
import { listExpertsForAdmin, listSeriesForAdmin } from '@/lib/editorial/term-reads';
import { firstParam } from '@/lib/validation/params';
import { requireStaff } from '../staff';
import { ScrollingTable } from '@/components/ui/scrolling-table';

export const metadata: Metadata = { title: 'Articles', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const statuses = [
  ['draft', 'Draft'],
  ['scheduled', 'Scheduled'],
  ['published', 'Published'],
] as const;

const control = 'mt-1 block w-full rounded border border-rule bg-white px-3 py-2';

export default async function AdminArticlesPage({ searchParams }: Props) {
  const raw = await searchParams;
  const path = '/admin/articles';
  await requireStaff(path);
  const query = {
    q: firstParam(raw.q),
    status: firstParam(raw.status),
    kind: firstParam(raw.kind),
    authorId: firstParam(raw.authorId),
    seriesId: firstParam(raw.seriesId),
    page: firstParam(raw.page),
  };
  const [result, experts, allSeries] = await Promise.all([
    listArticlesForAdmin(query),
    listExpertsForAdmin(),
    listSeriesForAdmin(),
  ]);
  // The values the list was filtered by, as the lib understood them, so the form shows them.
  const kept = {
    q: query.q?.slice(0, 200) ?? '',
    status: statuses.some(([value]) => value === query.status) ? query.status : '',
    kind: query.kind && query.kind in articleKindLabels ? query.kind : '',
    authorId: experts.some((expert) => expert.id === query.authorId) ? query.authorId : '',
    seriesId: allSeries.some((item) => item.id === query.seriesId) ? query.seriesId : '',
  };
  const filtered = Object.values(kept).some(Boolean);

  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-4xl font-semibold">Articles</h1>
        <Link
          href="/admin/articles/new"
          className="rounded bg-navy px-4 py-2 font-semibold text-white"
        >
          New article
        </Link>
      </div>

      <form
        role="search"
        aria-label="Find articles"
        className="mt-6 grid gap-4 rounded border border-rule bg-white p-4 sm:grid-cols-2 lg:grid-cols-6"
      >
        <div className="lg:col-span-2">
          <label htmlFor="articles-q" className="block text-sm font-semibold">
            Title or slug
          </label>
          <input id="articles-q" name="q" type="search" defaultValue={kept.q} className={control} />
        </div>
        <div>
          <label htmlFor="articles-status" className="block text-sm font-semibold">
            Status
          </label>
          <select id="articles-status" name="status" defaultValue={kept.status} className={control}>
            <option value="">Any status</option>
            {statuses.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="articles-kind" className="block text-sm font-semibold">
            Kind
          </label>
          <select id="articles-kind" name="kind" defaultValue={kept.kind} className={control}>
            <option value="">Any kind</option>
            {Object.entries(articleKindLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="articles-author" className="block text-sm font-semibold">
            Author
          </label>
          <select
            id="articles-author"
            name="authorId"
            defaultValue={kept.authorId}
            className={control}
          >
            <option value="">Any author</option>
            {experts.map((expert) => (
              <option key={expert.id} value={expert.id}>
                {expert.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="articles-series" className="block text-sm font-semibold">
            Series
          </label>
          <select
            id="articles-series"
            name="seriesId"
            defaultValue={kept.seriesId}
            className={control}
          >
            <option value="">Any series</option>
            {allSeries.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-3 lg:col-span-6">
          <button type="submit" className="rounded bg-navy px-4 py-2 font-semibold text-white">
            Filter
          </button>
          {filtered && (
            <Link href={path} className="font-semibold text-navy underline">
              Clear filters
            </Link>
          )}
        </div>
      </form>

      <p className="mt-6 text-sm text-muted" role="status">
        {result.total === 1
          ? `1 article${filtered ? ' matches these filters' : ''}.`
          : `${result.total} articles${filtered ? ' match these filters' : ''}.`}
      </p>

      {result.items.length === 0 ? (
        <div className="mt-4">
          <EmptyState title="No articles found">
            {filtered ? 'Try other filters.' : 'Write the first one.'}
          </EmptyState>
        </div>
      ) : (
        <ScrollingTable className="mt-4">
          <caption className="sr-only">Articles, most recently changed first</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                Title
              </th>
              <th scope="col" className="py-2 pr-4">
                Status
              </th>
              <th scope="col" className="py-2 pr-4">
                Kind
              </th>
              <th scope="col" className="py-2 pr-4">
                Authors
              </th>
              <th scope="col" className="py-2 pr-4">
                Series
              </th>
              <th scope="col" className="py-2 pr-4">
                Changed
              </th>
              <th scope="col" className="py-2">
                On the site
              </th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((article) => (
              <tr key={article.id} className="border-b border-rule align-top">
                <td className="py-2 pr-4">
                  <Link
                    href={`/admin/articles/${article.id}`}
                    className="font-semibold text-navy underline"
                  >
                    {article.title}
                  </Link>
                  <span className="block text-xs text-muted">{article.slug}</span>
                </td>
                <td className="py-2 pr-4">
                  <StatusBadge status={article.status} live={article.live} />
                  {article.status === 'scheduled' && !article.live && article.publishedAt && (
                    <span className="block text-xs text-muted">
                      for <DateTime value={article.publishedAt} />
                    </span>
                  )}
                  {article.visibility !== 'public' && (
                    <span className="block text-xs text-muted">
                      {article.visibility === 'members' ? 'Members only' : 'Chosen tiers only'}
                    </span>
                  )}
                </td>
                <td className="py-2 pr-4">{articleKindLabels[article.kind]}</td>
                <td className="py-2 pr-4">
                  {article.authors.map((author) => author.name).join(', ')}
                </td>
                <td className="py-2 pr-4">{article.series?.name ?? '—'}</td>
                <td className="py-2 pr-4">
                  <DateTime value={article.updatedAt} />
                </td>
                <td className="py-2">
                  {article.live ? (
                    <Link href={`/articles/${article.slug}`} className="text-navy underline">
                      View<span className="sr-only"> “{article.title}” on the site</span>
                    </Link>
                  ) : (
                    <span className="text-muted">Not public</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        basePath={path}
        query={{
          q: kept.q || undefined,
          status: kept.status || undefined,
          kind: kept.kind || undefined,
          authorId: kept.authorId || undefined,
          seriesId: kept.seriesId || undefined,
        }}
      />
    </div>
  );
}
