import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DateTime } from '@/components/admin/date-time';
import { StatusBadge } from '@/components/admin/status-badge';
import { renderMarkdown } from '@/lib/content/markdown';
import { getArticleForEditing } from '@/lib/editorial/article-record';
import { toLondonInput } from '@/lib/time/london';
import { listRevisions } from '@/lib/editorial/revisions';
import { firstParam } from '@/lib/validation/params';
import { requireStaff } from '../../staff';
import { ArticleForm } from '../article-form.client';
import { loadArticleChoices } from '../choices';
import { valuesFromSnapshot } from '../form-values';
import { RevisionList } from '@/components/admin/revision-list';
import { RestoreForm } from './restore-form.client';

export const metadata: Metadata = { title: 'Edit article', robots: { index: false } };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const version = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? value : null);

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireStaff(`/admin/articles/${id}`);
  const article = await getArticleForEditing(id);
  if (!article) notFound();
  const [choices, revisions, query] = await Promise.all([
    loadArticleChoices(article.fields),
    listRevisions(article.id),
    searchParams,
  ]);
  const restored = version(firstParam(query.restored));
  const restoredAs = version(firstParam(query.as));
  const { fields } = article;
  const scheduled = article.status === 'scheduled' && !article.live && article.publishedAt;

  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/articles" className="text-navy underline">
          Articles
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-4xl font-semibold">Edit “{fields.title}”</h1>
      <dl className="mt-4 flex flex-wrap gap-x-8 gap-y-2 text-sm">
        <div>
          <dt className="sr-only">Status</dt>
          <dd>
            <StatusBadge status={article.status} live={article.live} />{' '}
            {scheduled && (
              <>
                goes live <DateTime value={article.publishedAt!} /> (London time)
              </>
            )}
            {article.live && article.publishedAt && (
              <>
                since <DateTime value={article.publishedAt} />
              </>
            )}
          </dd>
        </div>
        <div>
          <dt className="inline font-semibold">Version </dt>
          <dd className="inline">{article.version}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">Last changed </dt>
          <dd className="inline">
            <DateTime value={article.updatedAt} />
          </dd>
        </div>
        <div>
          <dt className="sr-only">On the site</dt>
          <dd>
            {article.live ? (
              <Link href={`/articles/${fields.slug}`} className="font-semibold text-navy underline">
                View on the site
              </Link>
            ) : (
              <span className="text-muted">Not on the site</span>
            )}
          </dd>
        </div>
      </dl>

      {(query.created === '1' || restored) && (
        <p role="status" className="mt-6 rounded border border-navy bg-white px-4 py-3 text-navy">
          {restored
            ? `Version ${restored} restored${restoredAs ? ` as version ${restoredAs}` : ''}.`
            : 'Draft saved. It is not on the site until you publish it.'}
        </p>
      )}

      <div className="mt-8">
        <ArticleForm
          // A restore replaces the saved fields under the form, so the form starts afresh.
          key={restoredAs ? `restored-${restoredAs}` : 'article'}
          initialValues={valuesFromSnapshot(fields)}
          initialPreview={renderMarkdown(fields.body)}
          choices={choices}
          article={{
            id: article.id,
            version: article.version,
            status: article.status,
            live: article.live,
            scheduledFor:
              article.status === 'scheduled' && article.publishedAt
                ? toLondonInput(article.publishedAt)
                : null,
          }}
        />
      </div>
      <RevisionList
        noun="article"
        currentVersion={article.version}
        revisions={revisions}
        restore={(revision) => (
          <RestoreForm
            articleId={article.id}
            revisionId={revision.id}
            revisionVersion={revision.version}
            currentVersion={article.version}
          />
        )}
      />
    </div>
  );
}
