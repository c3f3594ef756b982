// No 'server-only' here: housekeeping runs from the instrumentation hook (lib/housekeeping).
import { and, eq, exists, isNull, lt, not, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { newsletterSubscribers, newsletterSubscriptions } from '@/db/schema';

/** A sign-up not confirmed within this many days is forgotten: its link expired after seven. */
export const unconfirmedSignupDays = 8;

/**
 * Forgets sign-ups never confirmed, and then the addresses left with no subscription and no
 * account: whoever typed them never showed the address was theirs. Returns how many sign-ups.
 */
export async function pruneUnconfirmedSignups(): Promise<number> {
  const db = getDb();
  const deleted = await db
    .delete(newsletterSubscriptions)
    .where(
      and(
        eq(newsletterSubscriptions.status, 'pending'),
        lt(
          newsletterSubscriptions.consentAt,
          sql`now() - make_interval(days => ${unconfirmedSignupDays})`,
        ),
      ),
    )
    .returning({ subscriberId: newsletterSubscriptions.subscriberId });
  if (deleted.length > 0) {
    await db.delete(newsletterSubscribers).where(
      and(
        isNull(newsletterSubscribers.userId),
        not(
          exists(
            db
              .select({ one: sql`1` })
              .from(newsletterSubscriptions)
              .where(eq(newsletterSubscriptions.subscriberId, newsletterSubscribers.id)),
          ),
        ),
      ),
    );
  }
  return deleted.length;
}
