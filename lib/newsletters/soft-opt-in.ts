// No 'server-only': the Stripe webhook's ledger, which the worker also loads, runs this.
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { donations, newsletterLists, newsletterSubscriptions } from '@/db/schema';
import { getSiteConfig } from '@/lib/config/site';
import { formatLongDate } from '@/lib/time/london';
import { cadenceNote } from './consent';
import { subscriberFor } from './subscriber-record';

/*
 * The charitable-purpose soft opt-in (PECR regulation 22(3A)): a charity may e-mail people who
 * gave to it, or joined it, about its work, if it told them so and offered a simple refusal when
 * they gave their details, and offers it again in every e-mail (each issue's unsubscribe link).
 * The donation form names the list and carries the refusal; only a gift that is paid, by someone
 * who saw the offer and did not refuse it, subscribes them, and never over a choice they made
 * before: an address that unsubscribed stays unsubscribed.
 */

/** What the donation form tells a donor, above the refusal. */
export function softOptInNotice(list: { name: string; cadence: string }): string {
  return `As a supporter, you will get ${list.name}${cadenceNote(list)} by e-mail, about our work. Every issue has a link to stop it.`;
}

/** The refusal, as the checkbox reads. */
export const softOptInRefusal = 'No thanks: do not send it to me.';

/**
 * Subscribes a donor whose gift has just been paid to the list they were offered, unless they
 * refused it. Run in the transaction that records the payment, so it happens exactly once.
 */
export async function recordDonorSoftOptIn(tx: Transaction, donationId: string): Promise<void> {
  const [gift] = await tx
    .select({
      email: donations.email,
      listId: donations.newsListId,
      refused: donations.newsRefused,
      at: donations.createdAt,
      name: newsletterLists.name,
      cadence: newsletterLists.cadence,
      archived: newsletterLists.archived,
    })
    .from(donations)
    .innerJoin(newsletterLists, eq(newsletterLists.id, donations.newsListId))
    .where(eq(donations.id, donationId));
  if (!gift?.email || gift.refused !== false || gift.archived) return;
  const subscriberId = await subscriberFor(tx, gift.email);
  const consentText = `Soft opt-in: gave to the ${getSiteConfig().name} on ${formatLongDate(gift.at)}, was told “${softOptInNotice(gift)}” and did not tick “${softOptInRefusal}”.`;
  await tx
    .insert(newsletterSubscriptions)
    .values({
      subscriberId,
      listId: gift.listId!,
      status: 'subscribed',
      source: 'soft_opt_in',
      consentText,
      consentAt: gift.at,
      confirmedAt: new Date(),
    })
    // Whatever the address chose before (subscribed, waiting to confirm, unsubscribed) stands.
    .onConflictDoNothing();
}

/** Whether `listId` is the list the form offers now: a refusal recorded against another is void. */
export async function isSoftOptInList(tx: Transaction, listId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: newsletterLists.id })
    .from(newsletterLists)
    .where(
      and(
        eq(newsletterLists.id, listId),
        eq(newsletterLists.softOptIn, true),
        eq(newsletterLists.archived, false),
      ),
    );
  return Boolean(row);
}
