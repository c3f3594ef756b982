// No 'server-only' here: the account command (scripts/user-create.ts) ends sessions too.
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { sessionMaxAgeSeconds } from './session-lifetime';
import { toSessionUser, type SessionUser } from './session-user';

export { sessionMaxAgeSeconds };

const extendAfterMs = 24 * 60 * 60 * 1000;

/** How recently a person must have signed in to change their address without a password. */
export const recentSignInMinutes = 10;

export interface CurrentSession {
  user: SessionUser;
  signedInAt: Date;
}

const expiresFromNow = () => new Date(Date.now() + sessionMaxAgeSeconds * 1000);

/** Records a new signed-in browser and returns the id its session token carries. */
export async function openSession(userId: string): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await getDb().insert(sessions).values({ sessionToken: id, userId, expires: expiresFromNow() });
  return id;
}

/**
 * The session behind a token's id with its account as it is now, or null when the session has
 * ended (signed out, expired, every session ended) or its account is gone or disabled. A session
 * in use is extended once a day.
 */
export async function getCurrentSession(sessionId: string): Promise<CurrentSession | null> {
  const db = getDb();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      emailVerified: users.emailVerified,
      expires: sessions.expires,
      signedInAt: sessions.createdAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.sessionToken, sessionId),
        gt(sessions.expires, new Date()),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (row.expires.getTime() - Date.now() < sessionMaxAgeSeconds * 1000 - extendAfterMs) {
    await db
      .update(sessions)
      .set({ expires: expiresFromNow() })
      .where(eq(sessions.sessionToken, sessionId));
  }
  return { user: toSessionUser(row), signedInAt: row.signedInAt };
}

/** Ends one session: its token, wherever it has been copied, no longer signs anyone in. */
export async function endSession(sessionId: string): Promise<void> {
  await getDb().delete(sessions).where(eq(sessions.sessionToken, sessionId));
}

/**
 * Ends every session of an account, on every device. Pass the transaction of the change that
 * calls for it (a new password, a new role, an address proven), so both happen together.
 */
export async function endAllSessions(
  userId: string,
  db: Database | Transaction = getDb(),
): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export function signedInRecently(signedInAt: Date, now = Date.now()): boolean {
  return now - signedInAt.getTime() <= recentSignInMinutes * 60_000;
}

/** Deletes sessions that have expired; returns how many. */
export async function pruneSessions(now = new Date()): Promise<number> {
  const deleted = await getDb()
    .delete(sessions)
    .where(lt(sessions.expires, now))
    .returning({ id: sessions.sessionToken });
  return deleted.length;
}
