import Stripe from 'stripe';

export interface DeliverOptions {
  /** Where to send the event instead of the webhook URL. */
  to?: string;
  /** Sign with another secret, as a stranger would. */
  secret?: string;
  /** Changes the body after signing, so the signature no longer matches. */
  tamper?: (body: string) => string;
}

/** One attempt to send an event to a webhook endpoint. */
export interface Delivery {
  eventId: string;
  type: string;
  url: string;
  /** The HTTP status of the answer; 0 when none came (see `error`). */
  status: number;
  /** 1 for the first attempt at this event, 2 for the first retry, and so on. */
  attempt: number;
  /** When the attempt started, in milliseconds since the epoch. */
  startedAt: number;
  /** When the attempt settled (an answer, a failed connection or the timeout). */
  finishedAt: number;
  /** Why no answer came: the connection failed or the endpoint took too long. */
  error: string | null;
  /** When Stripe will try again after this failed attempt; null once it has stopped trying. */
  nextAttemptAt: number | null;
}

/**
 * Posts an event the way Stripe does: pretty-printed JSON with a `Stripe-Signature` header made
 * by the SDK's own test helper (a fresh timestamp each time), so `stripe.webhooks.constructEvent`
 * accepts it. Stripe does not follow redirects: a 3xx answer is a failed delivery.
 */
export function postEvent(
  event: Stripe.Event,
  url: string,
  secret: string,
  options: { tamper?: (body: string) => string; signal?: AbortSignal } = {},
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
    body: options.tamper ? options.tamper(payload) : payload,
    redirect: 'manual',
    signal: options.signal ?? AbortSignal.timeout(30_000),
  });
}
