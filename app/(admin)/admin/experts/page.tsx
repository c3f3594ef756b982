import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { listExpertsForAdmin } from '@/lib/editorial/term-reads';
import { personPath, personRoleLabels } from '@/lib/content/people';
import { requireStaff } from '../staff';
import { ScrollingTable } from '@/components/ui/scrolling-table';

export const metadata: Metadata = { title: 'People', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AdminExpertsPage({ searchParams }: Props) {
  await requireStaff('/admin/experts');
  const [experts, query] = await Promise.all([listExpertsForAdmin(), searchParams]);
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-4xl font-semibold">People</h1>
        <Link
          href="/admin/experts/new"
          className="rounded bg-navy px-4 py-2 font-semibold text-white"
        >
          New person
        </Link>
      </div>
      {query.deleted === '1' && (
        <p role="status" className="mt-6 rounded border border-navy bg-white px-4 py-3 text-navy">
          Person deleted.
        </p>
      )}
      {experts.length === 0 ? (
        <div className="mt-8">
          <EmptyState title="No people yet">Add the first one to start writing bylines.</EmptyState>
        </div>
      ) : (
        <ScrollingTable className="mt-8">
          <caption className="sr-only">People</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                <span className="sr-only">Photo</span>
              </th>
              <th scope="col" className="py-2 pr-4">
                Name
              </th>
              <th scope="col" className="py-2 pr-4">
                Job title
              </th>
              <th scope="col" className="py-2 pr-4">
                Role
              </th>
              <th scope="col" className="py-2 pr-4">
                Media
              </th>
              <th scope="col" className="py-2 pr-4">
                Slug
              </th>
              <th scope="col" className="py-2">
                Articles
              </th>
            </tr>
          </thead>
          <tbody>
            {experts.map((expert) => (
              <tr key={expert.id} className="border-b border-rule align-middle">
                <td className="py-2 pr-4">
                  {expert.photo ? (
                    <Image
                      src={expert.photo.url}
                      alt=""
                      width={48}
                      height={48}
                      className="h-12 w-12 rounded-full object-cover"
                    />
                  ) : (
                    <span className="block h-12 w-12 rounded-full bg-rule" aria-hidden="true" />
                  )}
                </td>
                <td className="py-2 pr-4">
                  <Link
                    href={`/admin/experts/${expert.id}`}
                    className="font-semibold text-navy underline"
                  >
                    {expert.name}
                  </Link>
                </td>
                <td className="py-2 pr-4">{expert.jobTitle ?? '—'}</td>
                <td className="py-2 pr-4">{personRoleLabels[expert.role]}</td>
                <td className="py-2 pr-4">{expert.acceptsMedia ? 'Takes requests' : '—'}</td>
                <td className="py-2 pr-4">
                  <Link href={personPath(expert.slug)} className="text-navy underline">
                    {expert.slug}
                  </Link>
                </td>
                <td className="py-2">{expert.articleCount}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </div>
  );
}
