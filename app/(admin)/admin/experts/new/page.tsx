import type { Metadata } from 'next';
import Link from 'next/link';
import { personRoleOptions } from '@/lib/content/people';
import { listMediaChoices } from '@/lib/editorial/media-choices';
import { listTopicsForAdmin } from '@/lib/editorial/term-reads';
import { requireStaff } from '../../staff';
import { ExpertForm } from '../expert-form.client';

export const metadata: Metadata = { title: 'New person', robots: { index: false } };

export default async function NewExpertPage() {
  await requireStaff('/admin/experts/new');
  const [photos, areas] = await Promise.all([listMediaChoices([]), listTopicsForAdmin()]);
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/experts" className="text-navy underline">
          People
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">New person</h1>
      <ExpertForm
        values={{
          name: '',
          slug: '',
          jobTitle: '',
          role: 'fellow',
          bio: '',
          photoId: '',
          topicIds: '',
          acceptsMedia: '',
          mediaEmail: '',
          mediaPhone: '',
        }}
        photos={photos}
        areas={areas}
        roles={personRoleOptions}
      />
    </div>
  );
}
