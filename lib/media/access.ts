import 'server-only';
import type { UserRole } from '@/db/schema';
import { getSessionUser } from '@/lib/auth/sign-in';

/** Whoever acts on the media library: the id of their account. */
export interface MediaActor {
  id: string;
}

const mediaRoles: readonly UserRole[] = ['editor', 'admin'];

export const mediaRefusal = 'Only editors and administrators can manage images.';

/**
 * Whether the account may manage images, as the database says now rather than as a session token
 * remembers it, so a role taken away or an account disabled counts at once.
 */
export async function mayManageMedia(actorId: string): Promise<boolean> {
  const user = await getSessionUser(actorId);
  return user !== null && mediaRoles.includes(user.role);
}
