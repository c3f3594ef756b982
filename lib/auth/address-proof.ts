import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { claimGuestGifts } from '@/lib/giving/claim';
import { confirmJoinSubscriptions } from '@/lib/newsletters/join-offer';
import { endAllSessions } from './sessions';

/**
 * Records that the person at an account's address has just proved it is theirs (followed a
 * link or typed a code sent there), and gives them the gifts made as a guest with it.
 *
 * Until an address is proven the account is no one's: anyone could have joined with it. So
 * when it is first proven by any route other than the verification link of the join itself
 * (a sign-in link or code, a password reset), every session ends and the password chosen before
 * is discarded, and whoever joined with someone else's address keeps nothing.
 */
export async function proveAddress(
  userId: string,
  route: 'verification-link' | 'other',
): Promise<void> {
  await getDb().transaction(async (tx) => {
    const proven = await tx
      .update(users)
      .set({
        emailVerified: sql`now()`,
        ...(route === 'other' ? { passwordHash: null } : {}),
      })
      .where(and(eq(users.id, userId), isNull(users.emailVerified)))
      .returning({ id: users.id });
    if (proven.length > 0) await endAllSessions(userId, tx);
    // Only the joiner's own link starts the newsletter they ticked: proven any other way, the
    // account may have been made by someone else with this address, whose choices do not count.
    if (proven.length > 0 && route === 'verification-link') {
      await confirmJoinSubscriptions(tx, userId);
    }
  });
  await claimGuestGifts(userId);
}
