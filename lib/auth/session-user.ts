import type { UserRole } from '@/db/schema';

/** An account as the session and the checks of who may do what see it. */
export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  verified: boolean;
}

export function toSessionUser(row: {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  emailVerified: Date | null;
}): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    verified: row.emailVerified !== null,
  };
}
