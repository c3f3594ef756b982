import type { UserRole } from '@/db/schema';
import type { Reader } from '@/lib/content/access';

export interface Viewer {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  verified: boolean;
  /** When this browser signed in, in milliseconds since the epoch. */
  signedInAt: number;
}

/** Members-only work is for signed-in members whose e-mail address is verified. */
export function readerFor(viewer: Viewer | null): Reader {
  return { membersOnly: Boolean(viewer?.verified) };
}
