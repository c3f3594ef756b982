import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteForm } from '@/components/admin/delete-form.client';
import { listMediaChoices } from '@/lib/editorial/media-choices';
import { getExpertForEditing, listTopicsForAdmin } from '@/lib/editorial/term-reads';
import { personPath, personRoleOptions } from '@/lib/content/people';
import { requireStaff } from '../../staff';
import { deleteExpertAction } from '../actions';
import { ExpertForm } from '../expert-form.client';

export const metadata: Metadata = { title: 'Edit person', robots: { index: false } };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function EditExpertPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireStaff(`/admin/experts/${id}`);
  const expert = await getExpertForEditing(id);
  if (!expert) notFound();
  const [photos, areas, query] = await Promise.all([
    listMediaChoices([expert.photoId]),
    listTopicsForAdmin(),
    searchParams,
  ]);
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/experts" className="text-navy underline">
          People
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-4xl font-semibold">Edit {expert.name}</h1>
      <p className="mt-2 mb-8">
        <Link href={personPath(expert.slug)} className="text-navy underline">
          View their page
        </Link>
      </p>
      <ExpertForm
        notice={query.created === '1' ? 'Person created.' : undefined}
        id={expert.id}
        values={{
          name: expert.name,
          slug: expert.slug,
          jobTitle: expert.jobTitle ?? '',
          bio: expert.bio,
          photoId: expert.photoId ?? '',
          role: expert.role,
          topicIds: expert.topicIds.join(','),
          acceptsMedia: expert.acceptsMedia ? 'on' : '',
          mediaEmail: expert.mediaEmail ?? '',
          mediaPhone: expert.mediaPhone ?? '',
        }}
        photos={photos}
        areas={areas}
        roles={personRoleOptions}
      />
      <section aria-labelledby="delete-heading" className="mt-12 border-t border-rule pt-8">
        <h2 id="delete-heading" className="font-serif text-2xl font-semibold">
          Delete
        </h2>
        <p className="mt-2 mb-4 text-muted">
          Only someone on no byline and columnist of no series can be deleted.
        </p>
        <DeleteForm action={deleteExpertAction} id={expert.id} label="Delete this person" />
      </section>
    </div>
  );
}
