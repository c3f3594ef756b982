// Who is asking, in one place: the signed-in person a session names (Viewer), what they may read
// (Reader), who is acting on a change (Actor), and the role checks every change makes against
// the database. The request's own viewer is read in ./viewer.ts.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { users, type UserRole } from '@/db/schema';

/** The signed-in person, as their session token names them. */
export interface Viewer {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  verified: boolean;
  /** When this browser signed in, in milliseconds since the epoch. */
  signedInAt: number;
}

/**
 * Who is reading. Anonymous readers (and anyone not yet allowed members-only work) get the
 * public view; the members' side decides from the session and the reader's paid memberships
 * (lib/membership/reader.ts).
 */
export interface Reader {
  /** May read pieces for any member: a signed-in member with a verified address. */
  membersOnly: boolean;
  /** The tiers whose pieces they may read; 'all' for editors and administrators. */
  tiers: readonly string[] | 'all';
}

export const anonymousReader: Reader = { membersOnly: false, tiers: [] };

/** Whoever is acting: the signed-in viewer. Only the id is trusted; the role is read afresh. */
export type Actor = Pick<Viewer, 'id'>;

/**
 * Whether an active account holds one of the roles, as the database says now rather than as a
 * session token remembers it. Inside a transaction the shared row lock makes a role change or a
 * disabling wait until the work is done, so nobody demoted a moment ago can finish it.
 */
export async function actorHoldsRole(
  db: Database | Transaction,
  actorId: string,
  roles: readonly UserRole[],
): Promise<boolean> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, actorId), isNull(users.disabledAt), inArray(users.role, [...roles])))
    .for('share');
  return user !== undefined;
}

const editorialRoles: readonly UserRole[] = ['editor', 'admin'];
const adminRoles: readonly UserRole[] = ['admin'];

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

/** Thrown when someone who is not an active administrator asks for admin data; answer 403. */
export class AdminOnlyError extends Error {
  constructor() {
    super('Only administrators can see donations, Gift Aid claims and the audit log.');
    this.name = 'AdminOnlyError';
  }
}

/** Re-checks the actor against the database, whatever their session says (see actorHoldsRole). */
export async function assertAdmin(db: Database | Transaction, actor: Actor): Promise<void> {
  if (!(await actorHoldsRole(db, actor.id, adminRoles))) throw new AdminOnlyError();
}
