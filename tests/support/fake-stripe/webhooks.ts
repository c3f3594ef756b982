import Stripe from 'stripe';

export interface DeliverOptions {
  /** Where to send the event instead of the webhook URL. */
  to?: string;
  /** Sign with another secret, as a stranger would. */
  secret?: string;
  /** Changes the body after signing, so the signature no longer matches. */
  tamper?: (body: string) => string;
}

/** One attempt to send an event to a webhook endpoint; status 0 when no answer came. */
export interface Delivery {
  eventId: string;
  type: string;
  url: string;
  status: number;
}

/**
 * Posts an event the way Stripe does: pretty-printed JSON with a `Stripe-Signature` header made
 * by the SDK's own test helper, so `stripe.webhooks.constructEvent` accepts it.
 */
export function postEvent(
  event: Stripe.Event,
  url: string,
  secret: string,
  tamper?: (body: string) => string,
): Promise<Response> {
  const payload = JSON.stringify(event, null, 2);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      'Stripe-Signature': signature,
    },
    body: tamper ? tamper(payload) : payload,
    signal: AbortSignal.timeout(30_000),
  });
}
