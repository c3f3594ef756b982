import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DateTime } from '@/components/admin/date-time';
import { EditHeader } from '@/components/admin/edit-header';
import { RevisionList } from '@/components/admin/revision-list';
import { StatusBadge } from '@/components/admin/status-badge';
import { renderMarkdown } from '@/lib/content/markdown';
import { getArticleForEditing } from '@/lib/editorial/article-record';
import { listRevisions } from '@/lib/editorial/revisions';
import { toLondonInput } from '@/lib/time/london';
import { editArrival } from '../../edit-arrival';
import { requireStaff } from '../../staff';
import { restoreRevisionAction } from '../actions';
import { ArticleForm } from '../article-form.client';
import { loadArticleChoices } from '../choices';
import { valuesFromSnapshot } from '../form-values';

export const metadata: Metadata = { title: 'Edit article', robots: { index: false } };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

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
  const arrival = editArrival(query, {
    version: article.version,
    draft: article.status === 'draft',
  });
  const { fields } = article;
  const scheduled = article.status === 'scheduled' && !article.live && article.publishedAt;

  return (
    <div>
      <EditHeader
        back={{ href: '/admin/articles', label: 'Articles' }}
        title={fields.title}
        version={article.version}
        updatedAt={article.updatedAt}
        status={
          <>
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
          </>
        }
        onSite={
          article.live ? (
            <Link href={`/articles/${fields.slug}`} className="font-semibold text-navy underline">
              View on the site
            </Link>
          ) : (
            <span className="text-muted">Not on the site</span>
          )
        }
      />

      <div className="mt-8">
        <ArticleForm
          key={arrival.formKey}
          notice={arrival.notice}
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
        ownerId={article.id}
        currentVersion={article.version}
        revisions={revisions}
        restore={restoreRevisionAction}
      />
    </div>
  );
}
