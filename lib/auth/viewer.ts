import 'server-only';
import { cache } from 'react';
import type { UserRole } from '@/db/schema';
import type { Viewer } from './reader';
import { auth } from './auth';
import { getSessionUser, type SessionUser } from './sign-in';

export type { Viewer };

/** The signed-in person for this request, or null. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  return session?.user ?? null;
});

export type StaffCheck =
  { ok: true; user: SessionUser } | { ok: false; reason: 'signed-out' | 'forbidden' };

/**
 * Whether the viewer may act as one of the given roles, decided from the database rather than
 * the session token, so a role taken away yesterday counts today.
 */
export async function checkRole(roles: UserRole[]): Promise<StaffCheck> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, reason: 'signed-out' };
  const user = await getSessionUser(viewer.id);
  if (!user) return { ok: false, reason: 'signed-out' };
  return roles.includes(user.role) ? { ok: true, user } : { ok: false, reason: 'forbidden' };
}
