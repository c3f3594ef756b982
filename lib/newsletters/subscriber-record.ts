// No 'server-only' and nothing of a request here: the Stripe webhook's ledger, which the worker
// also loads, records donors' soft opt-in through it.
import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { newsletterSubscribers, users } from '@/db/schema';

/** The subscriber with this address, made if new and tied to the account that has it. */
export async function subscriberFor(tx: Transaction, email: string): Promise<string> {
  const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  const [row] = await tx
    .insert(newsletterSubscribers)
    .values({ email, userId: account?.id ?? null })
    .onConflictDoUpdate({ target: newsletterSubscribers.email, set: { updatedAt: sql`now()` } })
    .returning({ id: newsletterSubscribers.id });
  return row!.id;
}
