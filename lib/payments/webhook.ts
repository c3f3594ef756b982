import 'server-only';
import { getDb } from '@/db/client';
import { stripeEvents } from '@/db/schema';
import { getEnv } from '@/lib/platform/env';
import { RetryLaterError } from '@/lib/giving/ledger';
import { queueReceipts } from '@/lib/giving/receipts';
import { describeStripeError, getStripe, Stripe, verifyWebhookEvent } from './stripe-client';
import { planEvent } from './webhook-events';

export type WebhookOutcome =
  | 'processed'
  | 'duplicate'
  | 'ignored'
  | 'bad-signature'
  | 'not-configured'
  | 'retry-later'
  | 'failed';

export interface WebhookResult {
  /** 2xx only once the effect is committed; 5xx asks Stripe to deliver the event again. */
  status: number;
  outcome: WebhookOutcome;
  eventId?: string;
  eventType?: string;
  /** Donations this event confirmed as paid. */
  confirmed: string[];
  /**
   * Outbox ids of their receipts and of any other e-mail the event caused (a membership's
   * notices), queued in the same transaction; sent after the answer.
   */
  receipts: string[];
  message: string;
}

const result = (
  status: number,
  outcome: WebhookOutcome,
  message: string,
  event?: Stripe.Event,
  effect: { confirmed: string[]; receipts: string[] } = { confirmed: [], receipts: [] },
): WebhookResult => ({
  status,
  outcome,
  message,
  eventId: event?.id,
  eventType: event?.type,
  ...effect,
});

/**
 * Receives one webhook delivery: verifies its signature on the raw body, then records the event
 * id and its effect in one transaction, so a repeated event changes nothing and a failed one
 * leaves nothing half-written for Stripe's retry to trip over.
 */
export async function receiveStripeWebhook(
  rawBody: string,
  signature: string | null,
): Promise<WebhookResult> {
  const env = getEnv();
  const stripe = getStripe();
  if (!env.STRIPE_WEBHOOK_SECRET || !stripe) {
    return result(503, 'not-configured', 'Stripe webhooks are not configured on this site');
  }
  let event: Stripe.Event;
  try {
    if (!signature) throw new Error('no Stripe-Signature header');
    event = verifyWebhookEvent(rawBody, signature, env.STRIPE_WEBHOOK_SECRET);
  } catch (error) {
    return result(400, 'bad-signature', `signature check failed: ${(error as Error).message}`);
  }

  let plan;
  try {
    plan = await planEvent(event, stripe);
  } catch (error) {
    if (error instanceof RetryLaterError) return result(503, 'retry-later', error.message, event);
    return result(503, 'retry-later', `Stripe lookup failed: ${describeStripeError(error)}`, event);
  }
  if (!plan) return result(200, 'ignored', 'not about one of our donations or memberships', event);

  try {
    const outcome = await getDb().transaction(async (tx) => {
      const recorded = await tx
        .insert(stripeEvents)
        .values({ id: event.id, type: event.type, stripeCreatedAt: new Date(event.created * 1000) })
        .onConflictDoNothing()
        .returning({ id: stripeEvents.id });
      if (recorded.length === 0) return null;
      const { confirmed, emails } = await plan.apply(tx);
      return { confirmed, receipts: [...(await queueReceipts(tx, confirmed)), ...emails] };
    });
    return outcome
      ? result(200, 'processed', 'processed', event, outcome)
      : result(200, 'duplicate', 'already processed', event);
  } catch (error) {
    if (error instanceof RetryLaterError) return result(503, 'retry-later', error.message, event);
    return result(500, 'failed', `could not record the event: ${(error as Error).message}`, event);
  }
}
