import type { Metadata } from 'next';
import Link from 'next/link';
import { DateTime } from '@/components/admin/date-time';
import { StatusBadge } from '@/components/admin/status-badge';
import { ScrollingTable } from '@/components/ui/scrolling-table';
import { listPagesForAdmin } from '@/lib/pages/page-record';
import { requireStaff } from '../staff';

export const metadata: Metadata = { title: 'Pages', robots: { index: false } };

const placement = (page: { inNavigation: boolean; inFooter: boolean; menuPosition: number }) => {
  const menus = [page.inNavigation && 'Navigation', page.inFooter && 'Footer'].filter(Boolean);
  return menus.length ? `${menus.join(' and ')} (position ${page.menuPosition})` : 'Neither';
};

export default async function AdminPagesPage() {
  await requireStaff('/admin/pages');
  const pages = await listPagesForAdmin();
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-4xl font-semibold">Pages</h1>
        <Link
          href="/admin/pages/new"
          className="rounded bg-navy px-4 py-2 font-semibold text-white"
        >
          New page
        </Link>
      </div>
      <p className="mt-2 max-w-prose text-muted">
        The Institute’s own pages, such as About, Contact and Funding, each at the site’s root by
        its slug and in the navigation or footer as you choose.
      </p>
      {pages.length === 0 ? (
        <p className="mt-8">No pages yet.</p>
      ) : (
        <ScrollingTable className="mt-8">
          <caption className="sr-only">Every page, by title</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                Title
              </th>
              <th scope="col" className="py-2 pr-4">
                Address
              </th>
              <th scope="col" className="py-2 pr-4">
                Status
              </th>
              <th scope="col" className="py-2 pr-4">
                In the menus
              </th>
              <th scope="col" className="py-2">
                Last changed
              </th>
            </tr>
          </thead>
          <tbody>
            {pages.map((page) => (
              <tr key={page.id} className="border-b border-rule align-top">
                <td className="py-2 pr-4">
                  <Link
                    href={`/admin/pages/${page.id}`}
                    className="font-semibold text-navy underline"
                  >
                    {page.title}
                  </Link>
                </td>
                <td className="py-2 pr-4">/{page.slug}</td>
                <td className="py-2 pr-4">
                  <StatusBadge status={page.status} live={page.status === 'published'} />
                </td>
                <td className="py-2 pr-4">{placement(page)}</td>
                <td className="py-2">
                  <DateTime value={page.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </div>
  );
}
