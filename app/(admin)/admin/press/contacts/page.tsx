import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { ScrollingTable } from '@/components/ui/scrolling-table';
import { listPressContacts } from '@/lib/press/press-reads';
import { requireStaff } from '../../staff';

export const metadata: Metadata = { title: 'Press contacts', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AdminPressContactsPage({ searchParams }: Props) {
  await requireStaff('/admin/press/contacts');
  const [contacts, query] = await Promise.all([listPressContacts(), searchParams]);
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-4xl font-semibold">Press contacts</h1>
        <Link
          href="/admin/press/contacts/new"
          className="rounded bg-navy px-4 py-2 font-semibold text-white"
        >
          New contact
        </Link>
      </div>
      <p className="mt-2 text-muted">
        Shown on{' '}
        <Link href="/press" className="text-navy underline">
          the press office page
        </Link>{' '}
        in this order.
      </p>
      {query.deleted === '1' && (
        <p role="status" className="mt-6 rounded border border-navy bg-white px-4 py-3 text-navy">
          Contact deleted.
        </p>
      )}
      {contacts.length === 0 ? (
        <div className="mt-8">
          <EmptyState title="No press contacts yet">
            Add the press office’s people so journalists know whom to call.
          </EmptyState>
        </div>
      ) : (
        <ScrollingTable className="mt-8">
          <caption className="sr-only">Press contacts</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                Position
              </th>
              <th scope="col" className="py-2 pr-4">
                Name
              </th>
              <th scope="col" className="py-2 pr-4">
                Role
              </th>
              <th scope="col" className="py-2 pr-4">
                E-mail
              </th>
              <th scope="col" className="py-2">
                Phone
              </th>
            </tr>
          </thead>
          <tbody>
            {contacts.map((contact) => (
              <tr key={contact.id} className="border-b border-rule align-middle">
                <td className="py-2 pr-4">{contact.position}</td>
                <td className="py-2 pr-4">
                  <Link
                    href={`/admin/press/contacts/${contact.id}`}
                    className="font-semibold text-navy underline"
                  >
                    {contact.name}
                  </Link>
                </td>
                <td className="py-2 pr-4">{contact.role || '—'}</td>
                <td className="py-2 pr-4">{contact.email}</td>
                <td className="py-2">{contact.phone || '—'}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </div>
  );
}
