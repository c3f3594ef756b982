import type { Metadata } from 'next';
import Link from 'next/link';
import { listMediaChoices } from '@/lib/editorial/media-choices';
import { requireStaff } from '../../staff';
import { ExpertForm } from '../expert-form.client';

export const metadata: Metadata = { title: 'New expert', robots: { index: false } };

export default async function NewExpertPage() {
  await requireStaff('/admin/experts/new');
  const photos = await listMediaChoices([]);
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/experts" className="text-navy underline">
          Experts
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">New expert</h1>
      <ExpertForm
        values={{ name: '', slug: '', jobTitle: '', bio: '', photoId: '' }}
        photos={photos}
      />
    </div>
  );
}
