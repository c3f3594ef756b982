import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DateTime } from '@/components/admin/date-time';
import { StatusBadge } from '@/components/admin/status-badge';
import { renderMarkdown } from '@/lib/content/markdown';
import { getPageForEditing } from '@/lib/pages/page-record';
import { listPageRevisions } from '@/lib/pages/pages';
import { firstParam } from '@/lib/validation/params';
import { requireStaff } from '../../staff';
import { pageValuesFromSnapshot } from '../form-values';
import { PageForm } from '../page-form.client';
import { RestoreForm } from './restore-form.client';
import { RevisionList } from '@/components/admin/revision-list';

export const metadata: Metadata = { title: 'Edit page', robots: { index: false } };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const version = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? value : null);

export default async function EditPagePage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireStaff(`/admin/pages/${id}`);
  const page = await getPageForEditing(id);
  if (!page) notFound();
  const [revisions, query] = await Promise.all([listPageRevisions(page.id), searchParams]);
  const restored = version(firstParam(query.restored));
  const restoredAs = version(firstParam(query.as));
  const { fields } = page;
  const live = page.status === 'published';

  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/pages" className="text-navy underline">
          Pages
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-4xl font-semibold">Edit “{fields.title}”</h1>
      <dl className="mt-4 flex flex-wrap gap-x-8 gap-y-2 text-sm">
        <div>
          <dt className="sr-only">Status</dt>
          <dd>
            <StatusBadge status={page.status} live={live} />
          </dd>
        </div>
        <div>
          <dt className="inline font-semibold">Version </dt>
          <dd className="inline">{page.version}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">Last changed </dt>
          <dd className="inline">
            <DateTime value={page.updatedAt} />
          </dd>
        </div>
        <div>
          <dt className="sr-only">On the site</dt>
          <dd>
            <Link href={`/${fields.slug}`} className="font-semibold text-navy underline">
              {live ? 'View on the site' : 'Preview (only editors can see it)'}
            </Link>
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
        <PageForm
          // A restore replaces the saved fields under the form, so the form starts afresh.
          key={restoredAs ? `restored-${restoredAs}` : 'page'}
          initialValues={pageValuesFromSnapshot(fields)}
          initialPreview={renderMarkdown(fields.body)}
          page={{ id: page.id, version: page.version, status: page.status }}
        />
      </div>

      <RevisionList
        noun="page"
        currentVersion={page.version}
        revisions={revisions}
        restore={(revision) => (
          <RestoreForm
            pageId={page.id}
            revisionId={revision.id}
            revisionVersion={revision.version}
            currentVersion={page.version}
          />
        )}
      />
    </div>
  );
}
