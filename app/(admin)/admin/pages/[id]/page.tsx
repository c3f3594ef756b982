import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DateTime } from '@/components/admin/date-time';
import { StatusBadge } from '@/components/admin/status-badge';
import { ScrollingTable } from '@/components/ui/scrolling-table';
import { renderMarkdown } from '@/lib/content/markdown';
import { getPageForEditing } from '@/lib/pages/page-record';
import { listPageRevisions } from '@/lib/pages/pages';
import { firstParam } from '@/lib/validation/params';
import { requireStaff } from '../../staff';
import { pageValuesFromSnapshot } from '../form-values';
import { PageForm } from '../page-form.client';
import { RestoreForm } from './restore-form.client';

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

      <section aria-labelledby="revisions-heading" className="mt-12 border-t border-rule pt-8">
        <h2 id="revisions-heading" className="font-serif text-2xl font-semibold">
          Revisions
        </h2>
        <p className="mt-2 text-sm text-muted">
          Restoring saves that version’s fields as a new version; nothing is lost. It replaces what
          is in the form above, so save your changes there first.
        </p>
        {revisions.length === 0 ? (
          <p className="mt-4">No earlier versions are kept for this page.</p>
        ) : (
          <ScrollingTable className="mt-4">
            <caption className="sr-only">Saved versions of this page, newest first</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">
                  Version
                </th>
                <th scope="col" className="py-2 pr-4">
                  Saved by
                </th>
                <th scope="col" className="py-2 pr-4">
                  When
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((revision) => (
                <tr key={revision.id} className="border-b border-rule align-top">
                  <td className="py-2 pr-4">
                    {revision.version}
                    <span className="block text-xs text-muted">{revision.snapshot.title}</span>
                  </td>
                  <td className="py-2 pr-4">
                    {revision.createdBy
                      ? (revision.createdBy.name ?? revision.createdBy.email)
                      : 'Not recorded'}
                  </td>
                  <td className="py-2 pr-4">
                    <DateTime value={revision.createdAt} />
                  </td>
                  <td className="py-2">
                    {revision.version === page.version ? (
                      <span className="font-semibold">Current version</span>
                    ) : (
                      <RestoreForm
                        pageId={page.id}
                        revisionId={revision.id}
                        revisionVersion={revision.version}
                        currentVersion={page.version}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
        )}
      </section>
    </div>
  );
}
