import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { newsletterSubscribers, newsletterSubscriptions } from '@/db/schema';
import { cadenceNote } from './consent';
import { readOpenLists, type PublicList } from './lists';

// Joining offers the first list in the editors' order, the one every page's footer offers.

/** The join form's newsletter checkbox, as the person reads it and as their consent records it. */
export function joinOfferWording(list: Pick<PublicList, 'name' | 'cadence'>): string {
  return `Send me our newsletter, ${list.name}${cadenceNote(list)}. Optional; unsubscribe at any time.`;
}

/** The list joining offers, if any. */
export async function joinOffer(db?: Database | Transaction): Promise<PublicList | null> {
  return (await readOpenLists(db))[0] ?? null;
}

/**
 * A new member who ticked the box: their subscription waits, pending, until the verification
 * link proves the address theirs (confirmJoinSubscriptions), as a sign-up form's would.
 */
export async function recordJoinSubscription(
  tx: Transaction,
  user: { id: string; email: string },
): Promise<void> {
  const list = await joinOffer(tx);
  if (!list) return;
  const [subscriber] = await tx
    .insert(newsletterSubscribers)
    .values({ email: user.email, userId: user.id })
    .onConflictDoUpdate({
      target: newsletterSubscribers.email,
      set: { userId: user.id, updatedAt: sql`now()` },
    })
    .returning({ id: newsletterSubscribers.id });
  await tx
    .insert(newsletterSubscriptions)
    .values({
      subscriberId: subscriber!.id,
      listId: list.id,
      status: 'pending',
      source: 'join',
      consentText: joinOfferWording(list),
      consentAt: sql`now()`,
    })
    // Someone already subscribed, or who chose otherwise before, keeps their choice.
    .onConflictDoNothing();
}

/** The join's own verification link proved the address: what the joiner ticked starts. */
export async function confirmJoinSubscriptions(tx: Transaction, userId: string): Promise<void> {
  const [subscriber] = await tx
    .select({ id: newsletterSubscribers.id })
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.userId, userId));
  if (!subscriber) return;
  await tx
    .update(newsletterSubscriptions)
    .set({ status: 'subscribed', confirmedAt: sql`now()` })
    .where(
      and(
        eq(newsletterSubscriptions.subscriberId, subscriber.id),
        eq(newsletterSubscriptions.status, 'pending'),
        eq(newsletterSubscriptions.source, 'join'),
      ),
    );
}
