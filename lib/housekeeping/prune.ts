// No 'server-only' here: the instrumentation hook starts the schedule (lib/platform/startup.ts), and
// Next.js refuses that marker there.
import { and, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { authTokens, users } from '@/db/schema';
import { pruneSessions } from '@/lib/auth/sessions';
import { pruneEmailOutbox } from '@/lib/email/outbox';
import { pruneUnconfirmedSignups } from '@/lib/newsletters/prune';
import { pruneRateLimits } from '@/lib/security/rate-limit';

/** An account whose address is never verified is removed this long after it was made. */
export const unverifiedAccountDays = 7;
// Spent and expired tokens are kept a day, for the log of what happened to a link.
const spentTokenDays = 1;

/** Deletes e-mailed links' tokens a day after they expired or were used; returns how many. */
export async function pruneAuthTokens(): Promise<number> {
  const cutoff = sql`now() - make_interval(days => ${spentTokenDays})`;
  const deleted = await getDb()
    .delete(authTokens)
    .where(or(lt(authTokens.expiresAt, cutoff), lt(authTokens.usedAt, cutoff)))
    .returning({ id: authTokens.id });
  return deleted.length;
}

/**
 * Deletes accounts whose address was never verified within a week: no one has proved they are
 * theirs, no one can sign in to them, and the address should be free for its owner.
 */
export async function pruneUnverifiedAccounts(): Promise<number> {
  const deleted = await getDb()
    .delete(users)
    .where(
      and(
        isNull(users.emailVerified),
        lt(users.createdAt, sql`now() - make_interval(days => ${unverifiedAccountDays})`),
      ),
    )
    .returning({ id: users.id });
  return deleted.length;
}

export type Pruned = Record<
  'rateLimits' | 'sessions' | 'authTokens' | 'unverifiedAccounts' | 'emails' | 'newsletterSignups',
  number
>;

/** Everything that only grows unless something removes it, removed once it is of no use. */
export async function pruneAll(): Promise<Pruned> {
  return {
    rateLimits: await pruneRateLimits(),
    sessions: await pruneSessions(),
    authTokens: await pruneAuthTokens(),
    unverifiedAccounts: await pruneUnverifiedAccounts(),
    emails: await pruneEmailOutbox(),
    newsletterSignups: await pruneUnconfirmedSignups(),
  };
}
