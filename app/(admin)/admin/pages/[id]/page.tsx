import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EditHeader } from '@/components/admin/edit-header';
import { RevisionList } from '@/components/admin/revision-list';
import { StatusBadge } from '@/components/admin/status-badge';
import { renderMarkdown } from '@/lib/content/markdown';
import { getPageForEditing } from '@/lib/pages/page-record';
import { listPageRevisions } from '@/lib/pages/pages';
import { editArrival } from '../../edit-arrival';
import { requireStaff } from '../../staff';
import { restorePageRevisionAction } from '../actions';
import { pageValuesFromSnapshot } from '../form-values';
import { PageForm } from '../page-form.client';

export const metadata: Metadata = { title: 'Edit page', robots: { index: false } };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function EditPagePage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireStaff(`/admin/pages/${id}`);
  const page = await getPageForEditing(id);
  if (!page) notFound();
  const [revisions, query] = await Promise.all([listPageRevisions(page.id), searchParams]);
  const arrival = editArrival(query, { version: page.version, draft: page.status === 'draft' });
  const { fields } = page;
  const live = page.status === 'published';

  return (
    <div>
      <EditHeader
        back={{ href: '/admin/pages', label: 'Pages' }}
        title={fields.title}
        version={page.version}
        updatedAt={page.updatedAt}
        status={<StatusBadge status={page.status} live={live} />}
        onSite={
          <Link href={`/${fields.slug}`} className="font-semibold text-navy underline">
            {live ? 'View on the site' : 'Preview (only editors can see it)'}
          </Link>
        }
      />

      <div className="mt-8">
        <PageForm
          key={arrival.formKey}
          notice={arrival.notice}
          initialValues={pageValuesFromSnapshot(fields)}
          initialPreview={renderMarkdown(fields.body)}
          page={{ id: page.id, version: page.version, status: page.status }}
        />
      </div>

      <RevisionList
        noun="page"
        ownerId={page.id}
        currentVersion={page.version}
        revisions={revisions}
        restore={restorePageRevisionAction}
      />
    </div>
  );
}
