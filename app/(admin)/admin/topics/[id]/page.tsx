import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteForm } from '@/components/admin/delete-form.client';
import { getTopicForEditing } from '@/lib/editorial/term-reads';
import { requireStaff } from '../../staff';
import { deleteTopicAction } from '../actions';
import { TopicForm } from '../topic-form.client';

export const metadata: Metadata = { title: 'Edit topic or region', robots: { index: false } };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function EditTopicPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireStaff(`/admin/topics/${id}`);
  const [topic, query] = await Promise.all([getTopicForEditing(id), searchParams]);
  if (!topic) notFound();
  const noun = topic.kind === 'region' ? 'region' : 'topic';
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/topics" className="text-navy underline">
          Topics and regions
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-4xl font-semibold">Edit {topic.name}</h1>
      <p className="mt-2 mb-8">
        <Link href={`/topics/${topic.slug}`} className="text-navy underline">
          View the {noun}’s page
        </Link>
      </p>
      {query.created === '1' && (
        <p role="status" className="mb-6 rounded border border-navy bg-white px-4 py-3 text-navy">
          {topic.kind === 'region' ? 'Region' : 'Topic'} created.
        </p>
      )}
      <TopicForm
        id={topic.id}
        values={{
          name: topic.name,
          slug: topic.slug,
          kind: topic.kind,
          description: topic.description,
        }}
      />
      <section aria-labelledby="delete-heading" className="mt-12 border-t border-rule pt-8">
        <h2 id="delete-heading" className="font-serif text-2xl font-semibold">
          Delete
        </h2>
        <p className="mt-2 mb-4 text-muted">Only a {noun} on no articles can be deleted.</p>
        <DeleteForm action={deleteTopicAction} id={topic.id} label={`Delete this ${noun}`} />
      </section>
    </div>
  );
}
