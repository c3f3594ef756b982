import 'server-only';
import { cache } from 'react';
import type { UserRole } from '@/db/schema';
import type { Viewer } from '@/lib/auth/who';
import { auth } from './auth';
import { getSessionUser, type SessionUser } from './sign-in';

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

/** Whom a page that turned the viewer away is for. */
export type RefusedAudience = 'administrators' | 'staff';

/**
 * Whom the page that just refused the viewer is for, for the 403 page, which Next renders
 * without knowing which gate refused. Every gate admits a role and those above it (member,
 * editor, admin), so a refused editor met a page for administrators and a refused member one
 * for editors and administrators.
 */
export async function getRefusedAudience(): Promise<RefusedAudience> {
  const viewer = await getViewer();
  return viewer?.role === 'editor' ? 'administrators' : 'staff';
}
