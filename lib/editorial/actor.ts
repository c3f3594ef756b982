import type { Transaction } from '@/db/client';
import type { UserRole } from '@/db/schema';
import { actorHoldsRole } from '@/lib/auth/actor-role';
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

/** Re-checks the actor's role inside the transaction that writes (see actorHoldsRole). */
export async function assertEditor(tx: Transaction, actor: Actor): Promise<void> {
  if (!(await actorHoldsRole(tx, actor.id, editorialRoles))) throw new ForbiddenError();
}
