import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { AdminOnlyError, ForbiddenError } from '@/lib/auth/who';
import type { SessionUser } from '@/lib/auth/sign-in';
import { checkRole } from '@/lib/auth/viewer';

type Role = SessionUser['role'];

const editorial: Role[] = ['editor', 'admin'];

/**
 * The signed-in editor or admin, read afresh from the database. Anyone else is stopped here,
 * in the page or the action itself, so a direct POST is refused as surely as a page view:
 * visitors are sent to log in and come back to `path`, members get 403.
 */
export async function requireStaff(path: string, roles: Role[] = editorial) {
  const access = await checkRole(roles);
  if (!access.ok) {
    if (access.reason === 'signed-out') redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
    forbidden();
  }
  return access.user;
}

/** Runs a staff write; a role lost since the check above still ends in 403. */
export async function orForbidden<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof AdminOnlyError) forbidden();
    throw error;
  }
}
