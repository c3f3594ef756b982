import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getNewsletterList, listSources } from '@/lib/newsletters/list-admin';
import { requireStaff } from '../../staff';
import { NewsletterListForm } from '../list-form.client';

export const metadata: Metadata = { title: 'Edit newsletter', robots: { index: false } };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function EditNewsletterListPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireStaff(`/admin/newsletters/${id}`);
  const [list, sources, query] = await Promise.all([
    getNewsletterList(id),
    listSources(),
    searchParams,
  ]);
  if (!list) notFound();
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/newsletters" className="text-navy underline">
          Newsletters
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">Edit {list.name}</h1>
      <NewsletterListForm
        id={list.id}
        notice={query.created === '1' ? 'Newsletter created.' : undefined}
        values={{
          name: list.name,
          slug: list.slug,
          description: list.description,
          cadence: list.cadence,
          kind: list.kind,
          seriesId: list.seriesId ?? '',
          topicId: list.topicId ?? '',
          archived: list.archived ? 'on' : '',
          position: String(list.position),
        }}
        series={sources.series}
        topics={sources.topics}
      />
    </div>
  );
}
