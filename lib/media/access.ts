import 'server-only';
import { getDb } from '@/db/client';
import type { UserRole } from '@/db/schema';
import { actorHoldsRole } from '@/lib/auth/who';

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
export function mayManageMedia(actorId: string): Promise<boolean> {
  return actorHoldsRole(getDb(), actorId, mediaRoles);
}
