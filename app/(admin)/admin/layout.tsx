import { forbidden } from 'next/navigation';
import { adminLinksFor } from '@/components/admin/admin-links';
import { AdminNav } from '@/components/admin/admin-nav.client';
import { checkRole } from '@/lib/auth/viewer';

// Not the gate: a layout renders alongside its page, so every page and action checks the role
// itself (see staff.ts). This only turns members away early and shows staff the navigation; a
// signed-out visitor is left to the page, which knows where to send them back to after login.
export default async function AdminAreaLayout({ children }: { children: React.ReactNode }) {
  const access = await checkRole(['editor', 'admin']);
  if (!access.ok && access.reason === 'forbidden') forbidden();
  return (
    <div className="space-y-6">
      {access.ok && (
        <AdminNav links={adminLinksFor(access.user.role === 'admin' ? 'admin' : 'editor')} />
      )}
      {children}
    </div>
  );
}
