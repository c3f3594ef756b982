import type { Metadata } from 'next';
import Link from 'next/link';
import { listSources, nextListPosition } from '@/lib/newsletters/list-admin';
import { requireStaff } from '../../staff';
import { NewsletterListForm } from '../list-form.client';

export const metadata: Metadata = { title: 'New newsletter', robots: { index: false } };

export default async function NewNewsletterListPage() {
  await requireStaff('/admin/newsletters/new');
  const [sources, position] = await Promise.all([listSources(), nextListPosition()]);
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/newsletters" className="text-navy underline">
          Newsletters
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">New newsletter</h1>
      <NewsletterListForm
        values={{
          name: '',
          slug: '',
          description: '',
          cadence: '',
          kind: 'issues',
          seriesId: '',
          topicId: '',
          archived: '',
          softOptIn: '',
          position: String(position),
        }}
        series={sources.series}
        topics={sources.topics}
      />
    </div>
  );
}
