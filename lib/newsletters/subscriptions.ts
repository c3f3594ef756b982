import 'server-only';
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database, type Transaction } from '@/db/client';
import {
  authTokens,
  newsletterConfirmations,
  newsletterLists,
  newsletterSubscribers,
  newsletterSubscriptions,
  newsletterSuppressions,
  type SubscriptionSource,
  type SubscriptionStatus,
  type SuppressionReason,
} from '@/db/schema';
import { emailSchema } from '@/lib/auth/password-policy';
import { consumeToken, hashToken, issueToken } from '@/lib/auth/tokens';
import { getSiteConfig } from '@/lib/config/site';
import { enqueueEmail } from '@/lib/email/outbox';
import { maskEmail } from '@/lib/platform/log';
import { requestLogger } from '@/lib/platform/request-log';
import { hitRateLimits, type RateRule } from '@/lib/security/rate-limit';
import { tryAgainMessage } from '@/lib/security/retry-message';
import { fieldErrors, type FieldErrors } from '@/lib/validation/form';
import { alreadySubscribedEmail, confirmationEmail } from './emails';
import { consentWording } from './consent';
import { openListsAmong, readOpenLists, type PublicList } from './lists';
import { subscriberFor } from './subscriber-record';

// Generous: a ministry or a university signs up from behind one address.
export const signupPerIp: RateRule = {
  bucket: 'newsletter-signup:ip',
  limit: 60,
  windowSeconds: 3600,
};
// Each sign-up e-mails the address: this keeps anyone from filling a stranger's inbox.
export const signupPerEmail: RateRule = {
  bucket: 'newsletter-signup:email',
  limit: 3,
  windowSeconds: 3600,
};

/** How long a confirmation link works. */
export const confirmationDays = 7;

const signupSchema = z.object({
  email: emailSchema,
  lists: z
    .array(z.guid().transform((id) => id.toLowerCase()))
    .min(1, 'Choose at least one newsletter.')
    .max(50, 'Choose at least one newsletter.'),
});

export type SignupOutcome =
  | { ok: true; emailIds: string[] }
  | { ok: false; reason: 'invalid'; errors: FieldErrors }
  | { ok: false; reason: 'throttled' | 'unavailable'; message: string };

export const signupUnavailableMessage =
  'We could not take your sign-up just now, so nothing has changed. Please try again in a few minutes.';

/**
 * A reader asks for one or more lists by address (double opt-in). The answer is the same
 * whether the address is new, already subscribed, unsubscribed or suppressed, so the form tells
 * nobody who is on our lists: the e-mail says what happened, to its owner alone. A new or lapsed
 * subscription waits, pending, for the button in that e-mail. A filled-in honeypot is answered
 * as a success and does nothing.
 */
export async function requestSignup(
  input: { email: string; lists: string[]; website?: string },
  ip: string,
): Promise<SignupOutcome> {
  const parsed = signupSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', errors: fieldErrors(parsed.error) };
  if (input.website) return { ok: true, emailIds: [] };
  const { email, lists: ids } = parsed.data;
  try {
    const throttle = await hitRateLimits([
      { rule: signupPerIp, subject: ip },
      { rule: signupPerEmail, subject: email },
    ]);
    if (!throttle.allowed) {
      return {
        ok: false,
        reason: 'throttled',
        message: tryAgainMessage(throttle.retryAfterSeconds, 'sign-ups'),
      };
    }
    return await getDb().transaction(async (tx): Promise<SignupOutcome> => {
      const lists = await openListsAmong(tx, ids);
      if (!lists.length) {
        return {
          ok: false,
          reason: 'invalid',
          errors: {
            lists: 'That newsletter is no longer offered. Reload the page and choose again.',
          },
        };
      }
      if (await suppressionOf(tx, email)) return { ok: true, emailIds: [] };
      const subscriberId = await subscriberFor(tx, email);
      const statuses = await statusesOf(tx, subscriberId);
      const wanted = lists.filter((list) => statuses.get(list.id) !== 'subscribed');
      if (!wanted.length) {
        const id = await enqueueEmail(
          tx,
          alreadySubscribedEmail(email, subscriberId, lists),
          'newsletter_confirm',
        );
        return { ok: true, emailIds: [id] };
      }
      const site = getSiteConfig();
      for (const list of wanted) {
        await setSubscription(tx, subscriberId, list.id, {
          status: 'pending',
          source: 'form',
          consentText: consentWording(list, site.name),
        });
      }
      const { token } = await issueToken(tx, {
        purpose: 'newsletter_confirm',
        email,
        userId: null,
        ttlMinutes: confirmationDays * 24 * 60,
      });
      const [issued] = await tx
        .select({ id: authTokens.id })
        .from(authTokens)
        .where(eq(authTokens.tokenHash, hashToken(token)));
      await tx
        .insert(newsletterConfirmations)
        .values(wanted.map((list) => ({ tokenId: issued!.id, listId: list.id })));
      const expiresAt = new Date(Date.now() + confirmationDays * 86_400_000);
      const id = await enqueueEmail(
        tx,
        confirmationEmail(email, token, wanted),
        'newsletter_confirm',
        {
          expiresAt,
        },
      );
      return { ok: true, emailIds: [id] };
    });
  } catch (error) {
    (await requestLogger()).error(
      { err: error, subscriber: maskEmail(email) },
      'newsletter sign-up not taken: the database could not be written',
    );
    return { ok: false, reason: 'unavailable', message: signupUnavailableMessage };
  }
}

export interface Confirmed {
  subscriberId: string;
  lists: string[];
}

/**
 * The confirmation e-mail's button: spends its token and subscribes its address to the lists
 * that e-mail named, if still waiting; not to lists asked for since, by whomever. Null when the
 * link is spent, expired or not ours.
 */
export async function confirmSignup(token: string): Promise<Confirmed | null> {
  return getDb().transaction(async (tx) => {
    const spent = await consumeToken('newsletter_confirm', token, tx);
    if (!spent) return null;
    const [subscriber] = await tx
      .select({ id: newsletterSubscribers.id })
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, spent.email));
    if (!subscriber) return null;
    const named = tx
      .select({ listId: newsletterConfirmations.listId })
      .from(newsletterConfirmations)
      .where(eq(newsletterConfirmations.tokenId, spent.id));
    const confirmed = await tx
      .update(newsletterSubscriptions)
      .set({ status: 'subscribed', confirmedAt: sql`now()` })
      .where(
        and(
          eq(newsletterSubscriptions.subscriberId, subscriber.id),
          eq(newsletterSubscriptions.status, 'pending'),
          inArray(newsletterSubscriptions.listId, named),
        ),
      )
      .returning({ listId: newsletterSubscriptions.listId });
    const names = await listNames(
      tx,
      confirmed.map(({ listId }) => listId),
    );
    return { subscriberId: subscriber.id, lists: names };
  });
}

export interface ListChoice extends PublicList {
  status: SubscriptionStatus | null;
}

export interface Preferences {
  subscriberId: string;
  email: string;
  lists: ListChoice[];
  /** Why no newsletter goes to the address, if none does. */
  suppression: SuppressionReason | null;
}

/** A subscriber's address and, for every open list, where they stand on it. */
export async function readPreferences(subscriberId: string): Promise<Preferences | null> {
  const db = getDb();
  const [subscriber] = await db
    .select({ email: newsletterSubscribers.email })
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.id, subscriberId));
  if (!subscriber) return null;
  const [lists, statuses, suppression] = await Promise.all([
    readOpenLists(db),
    statusesOf(db, subscriberId),
    suppressionOf(db, subscriber.email),
  ]);
  return {
    subscriberId,
    email: subscriber.email,
    lists: lists.map((list) => ({ ...list, status: statuses.get(list.id) ?? null })),
    suppression,
  };
}

/**
 * Saves a subscriber's choice of lists from their preferences: the link they opened, or their
 * account, proves the address is theirs, so a list they tick is subscribed at once; a list they
 * untick is unsubscribed. Lists they did not change keep their consent record. Returns the
 * lists now subscribed.
 */
export async function savePreferences(
  subscriberId: string,
  chosenIds: string[],
  source: Extract<SubscriptionSource, 'form' | 'account'>,
): Promise<PublicList[]> {
  return getDb().transaction(async (tx) => {
    const [lists, statuses] = await Promise.all([readOpenLists(tx), statusesOf(tx, subscriberId)]);
    const chosen = new Set(chosenIds.map((id) => id.toLowerCase()));
    const site = getSiteConfig();
    for (const list of lists) {
      const status = statuses.get(list.id);
      if (chosen.has(list.id) && status !== 'subscribed') {
        await setSubscription(tx, subscriberId, list.id, {
          status: 'subscribed',
          source,
          consentText: consentWording(list, site.name),
        });
      } else if (!chosen.has(list.id) && status && status !== 'unsubscribed') {
        await unsubscribe(tx, subscriberId, [list.id]);
      }
    }
    return lists.filter((list) => chosen.has(list.id));
  });
}

/** Leaves one list (the one-click link of RFC 8058). The list's name, or null if unknown. */
export async function unsubscribeFromList(
  subscriberId: string,
  listId: string,
): Promise<string | null> {
  return getDb().transaction(async (tx) => {
    const [list] = await tx
      .select({ name: newsletterLists.name })
      .from(newsletterLists)
      .where(eq(newsletterLists.id, listId));
    if (!list) return null;
    await unsubscribe(tx, subscriberId, [listId]);
    return list.name;
  });
}

/** Leaves every list, open or archived. */
export async function unsubscribeFromAll(subscriberId: string): Promise<void> {
  await unsubscribe(getDb(), subscriberId, null);
}

/** A member's lists as their account shows them, read without making a subscriber row. */
export async function readAccountPreferences(user: {
  id: string;
  email: string;
}): Promise<Preferences> {
  const [subscriber] = await getDb()
    .select({ id: newsletterSubscribers.id })
    .from(newsletterSubscribers)
    .where(
      or(eq(newsletterSubscribers.userId, user.id), eq(newsletterSubscribers.email, user.email)),
    )
    .orderBy(sql`${newsletterSubscribers.userId} is null`)
    .limit(1);
  const found = subscriber && (await readPreferences(subscriber.id));
  if (found) return found;
  const lists = await readOpenLists();
  return {
    subscriberId: '',
    email: user.email,
    lists: lists.map((list) => ({ ...list, status: null })),
    suppression: null,
  };
}

/** The subscriber row of a member's account: found by account, else by address, else made. */
export async function subscriberForAccount(user: { id: string; email: string }): Promise<string> {
  return getDb().transaction(async (tx) => {
    const [byAccount] = await tx
      .select({ id: newsletterSubscribers.id })
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.userId, user.id));
    if (byAccount) return byAccount.id;
    return subscriberFor(tx, user.email);
  });
}

async function suppressionOf(
  db: Database | Transaction,
  email: string,
): Promise<SuppressionReason | null> {
  const [row] = await db
    .select({ reason: newsletterSuppressions.reason })
    .from(newsletterSuppressions)
    .where(eq(newsletterSuppressions.email, email));
  return row?.reason ?? null;
}

async function statusesOf(
  db: Database | Transaction,
  subscriberId: string,
): Promise<Map<string, SubscriptionStatus>> {
  const rows = await db
    .select({ listId: newsletterSubscriptions.listId, status: newsletterSubscriptions.status })
    .from(newsletterSubscriptions)
    .where(eq(newsletterSubscriptions.subscriberId, subscriberId));
  return new Map(rows.map(({ listId, status }) => [listId, status]));
}

async function setSubscription(
  tx: Transaction,
  subscriberId: string,
  listId: string,
  values: { status: 'pending' | 'subscribed'; source: SubscriptionSource; consentText: string },
): Promise<void> {
  const now = sql`now()`;
  const confirmedAt = values.status === 'subscribed' ? now : null;
  await tx
    .insert(newsletterSubscriptions)
    .values({ subscriberId, listId, ...values, consentAt: now, confirmedAt })
    .onConflictDoUpdate({
      target: [newsletterSubscriptions.subscriberId, newsletterSubscriptions.listId],
      set: {
        ...values,
        consentAt: now,
        unsubscribedAt: null,
        ...(confirmedAt ? { confirmedAt } : {}),
      },
    });
}

async function unsubscribe(
  db: Database | Transaction,
  subscriberId: string,
  listIds: string[] | null,
): Promise<void> {
  await db
    .update(newsletterSubscriptions)
    .set({ status: 'unsubscribed', unsubscribedAt: sql`now()` })
    .where(
      and(
        eq(newsletterSubscriptions.subscriberId, subscriberId),
        ne(newsletterSubscriptions.status, 'unsubscribed'),
        listIds ? inArray(newsletterSubscriptions.listId, listIds) : undefined,
      ),
    );
}

async function listNames(db: Transaction, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ name: newsletterLists.name })
    .from(newsletterLists)
    .where(inArray(newsletterLists.id, ids))
    .orderBy(asc(newsletterLists.position), asc(newsletterLists.name));
  return rows.map(({ name }) => name);
}
