import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '../../staff';
import { TopicForm } from '../topic-form.client';

export const metadata: Metadata = { title: 'New topic or region', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function NewTopicPage({ searchParams }: Props) {
  await requireStaff('/admin/topics/new');
  const kind = (await searchParams).kind === 'region' ? 'region' : 'topic';
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/topics" className="text-navy underline">
          Topics and regions
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">
        {kind === 'region' ? 'New region' : 'New topic'}
      </h1>
      <TopicForm values={{ name: '', slug: '', kind, description: '' }} />
    </div>
  );
}
