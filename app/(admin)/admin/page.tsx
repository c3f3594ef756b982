import Link from 'next/link';
import type { Metadata } from 'next';
import { forbidden, redirect } from 'next/navigation';
import { checkRole } from '@/lib/auth/viewer';

export const metadata: Metadata = {
  title: 'Editorial and administration',
  robots: { index: false },
};

export default async function AdminPage() {
  const access = await checkRole(['editor', 'admin']);
  if (!access.ok) {
    if (access.reason === 'signed-out') redirect('/login?callbackUrl=%2Fadmin');
    forbidden();
  }
  return (
    <div className="py-8">
      <h1 className="font-serif text-4xl font-semibold">Editorial and administration</h1>
      <p className="mt-3 text-muted">
        Signed in as {access.user.email} ({access.user.role}).
      </p>
      {access.user.role === 'admin' && (
        <ul className="mt-6 list-disc pl-6">
          <li>
            <Link href="/admin/members" className="font-semibold text-accent underline">
              Members and roles
            </Link>
          </li>
        </ul>
      )}
    </div>
  );
}
