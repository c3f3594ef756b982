import { and, eq, isNull } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { users, type UserRole } from '@/db/schema';
import type { Viewer } from '@/lib/auth/reader';

/** Whoever is acting: the signed-in viewer. Only the id is trusted; the role is read afresh. */
export type Actor = Pick<Viewer, 'id'>;

const editorialRoles: readonly UserRole[] = ['editor', 'admin'];

/** Thrown when someone who is not an editor or admin tries to change content; answer 403. */
export class ForbiddenError extends Error {
  constructor() {
    super('Only editors and administrators can change articles, experts, series and topics.');
    this.name = 'ForbiddenError';
  }
}

/**
 * Re-checks the actor's role inside the transaction that writes. The shared lock makes a role
 * change wait for this write, so nobody demoted a moment ago can finish one.
 */
export async function assertEditor(tx: Transaction, actor: Actor): Promise<void> {
  const [user] = await tx
    .select({ role: users.role })
    .from(users)
    .where(and(eq(users.id, actor.id), isNull(users.disabledAt)))
    .for('share');
  if (!user || !editorialRoles.includes(user.role)) throw new ForbiddenError();
}
