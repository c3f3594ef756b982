import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { callStripe, type StripeOutcome } from './stripe-client';

export interface Customer {
  id: string;
  email: string;
  name: string | null;
}

/**
 * The person's one Stripe customer, made the first time they pay for something that needs one,
 * so their memberships and gifts share a card, a billing portal and a history. The idempotency
 * key is their account id: two requests at once get the same customer.
 */
export async function stripeCustomerFor(
  person: Customer,
): Promise<StripeOutcome<{ customerId: string }>> {
  const [stored] = await getDb()
    .select({ customerId: users.stripeCustomerId })
    .from(users)
    .where(eq(users.id, person.id));
  const known = stored?.customerId;
  if (known) {
    // The address may have changed since: Stripe's receipts follow the account's.
    return callStripe(async (stripe) => {
      await stripe.customers.update(known, { email: person.email });
      return { customerId: known };
    });
  }
  const made = await callStripe(async (stripe) => {
    const customer = await stripe.customers.create(
      {
        email: person.email,
        ...(person.name ? { name: person.name } : {}),
        metadata: { user_id: person.id },
      },
      { idempotencyKey: `customer-${person.id}` },
    );
    return { customerId: customer.id };
  });
  if (!made.ok) return made;
  await getDb()
    .update(users)
    .set({ stripeCustomerId: made.customerId })
    .where(and(eq(users.id, person.id), isNull(users.stripeCustomerId)));
  return made;
}
