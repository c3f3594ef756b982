import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteForm } from '@/components/admin/delete-form.client';
import { listMediaChoices } from '@/lib/editorial/media-choices';
import { getExpertForEditing } from '@/lib/editorial/term-reads';
import { requireStaff } from '../../staff';
import { deleteExpertAction } from '../actions';
import { ExpertForm } from '../expert-form.client';

export const metadata: Metadata = { title: 'Edit expert', robots: { index: false } };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function EditExpertPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireStaff(`/admin/experts/${id}`);
  const expert = await getExpertForEditing(id);
  if (!expert) notFound();
  const [photos, query] = await Promise.all([listMediaChoices([expert.photoId]), searchParams]);
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/experts" className="text-navy underline">
          Experts
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-4xl font-semibold">Edit {expert.name}</h1>
      <p className="mt-2 mb-8">
        <Link href={`/experts/${expert.slug}`} className="text-navy underline">
          View the expert’s page
        </Link>
      </p>
      {query.created === '1' && (
        <p role="status" className="mb-6 rounded border border-navy bg-white px-4 py-3 text-navy">
          Expert created.
        </p>
      )}
      <ExpertForm
        id={expert.id}
        values={{
          name: expert.name,
          slug: expert.slug,
          jobTitle: expert.jobTitle ?? '',
          bio: expert.bio,
          photoId: expert.photoId ?? '',
        }}
        photos={photos}
      />
      <section aria-labelledby="delete-heading" className="mt-12 border-t border-rule pt-8">
        <h2 id="delete-heading" className="font-serif text-2xl font-semibold">
          Delete
        </h2>
        <p className="mt-2 mb-4 text-muted">
          Only an expert on no byline and columnist of no series can be deleted.
        </p>
        <DeleteForm action={deleteExpertAction} id={expert.id} label="Delete this expert" />
      </section>
    </div>
  );
}
