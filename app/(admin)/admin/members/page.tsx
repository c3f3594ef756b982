import type { Metadata } from 'next';
import { forbidden, redirect } from 'next/navigation';
import { listMembers } from '@/lib/admin/members';
import { checkRole } from '@/lib/auth/viewer';
import { RoleForm } from './role-form.client';
import { AccountStatusForm } from './status-form.client';
import { ScrollingTable } from '@/components/ui/scrolling-table';

export const metadata: Metadata = { title: 'Members', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AdminMembersPage({ searchParams }: Props) {
  const access = await checkRole(['admin']);
  if (!access.ok) {
    if (access.reason === 'signed-out') redirect('/login?callbackUrl=%2Fadmin%2Fmembers');
    forbidden();
  }
  const raw = (await searchParams).q;
  const search = typeof raw === 'string' ? raw.slice(0, 200) : '';
  const members = await listMembers(search);
  return (
    <div className="py-8">
      <h1 className="font-serif text-4xl font-semibold">Members</h1>
      <form role="search" className="mt-6 flex max-w-md gap-2">
        <label htmlFor="member-search" className="sr-only">
          Search members
        </label>
        <input
          id="member-search"
          name="q"
          type="search"
          defaultValue={search}
          placeholder="Name or e-mail"
          className="w-full rounded border border-rule bg-white px-3 py-2"
        />
        <button type="submit" className="rounded bg-navy px-4 py-2 font-semibold text-white">
          Search
        </button>
      </form>
      <ScrollingTable className="mt-8">
        <thead>
          <tr className="border-b-2 border-ink">
            <th className="py-2 pr-4">E-mail</th>
            <th className="py-2 pr-4">Name</th>
            <th className="py-2 pr-4">Verified</th>
            <th className="py-2 pr-4">Role</th>
            <th className="py-2">Account</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id} className="border-b border-rule">
              <td className="py-2 pr-4">{member.email}</td>
              <td className="py-2 pr-4">{member.name ?? '—'}</td>
              <td className="py-2 pr-4">{member.verified ? 'Yes' : 'No'}</td>
              <td className="py-2 pr-4">
                <RoleForm userId={member.id} email={member.email} role={member.role} />
              </td>
              <td className="py-2">
                <AccountStatusForm
                  userId={member.id}
                  email={member.email}
                  disabled={member.disabled}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
    </div>
  );
}
