import { after } from 'next/server';
import { sendQueuedNow } from '@/lib/giving/receipts';
import { logger } from '@/lib/log';
import { receiveStripeWebhook } from '@/lib/payments/webhook';
import { requestIdHeader } from '@/lib/request-id';
import { getRequestId } from '@/lib/request-log';

export const dynamic = 'force-dynamic';

// Stripe's events are a few kilobytes; anything far larger is not from Stripe.
const maxBodyBytes = 512 * 1024;

// A bad signature is a sender's mistake (or a probe): worth a look, not an alarm.
const levelOf = (status: number) => (status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info');

export async function POST(request: Request) {
  const requestId = await getRequestId();
  const log = logger.child({ requestId });
  const headers = { 'Cache-Control': 'no-store', [requestIdHeader]: requestId };
  const raw = await request.text();
  const bytes = Buffer.byteLength(raw);
  if (bytes > maxBodyBytes) {
    log.warn({ outcome: 'too-large', status: 413, bytes }, 'stripe webhook');
    return Response.json({ error: 'Payload too large' }, { status: 413, headers });
  }
  const result = await receiveStripeWebhook(raw, request.headers.get('stripe-signature'));
  log[levelOf(result.status)](
    {
      outcome: result.outcome,
      status: result.status,
      eventId: result.eventId,
      eventType: result.eventType,
      detail: result.message,
    },
    'stripe webhook',
  );
  if (result.receipts.length > 0) after(() => sendQueuedNow(result.receipts));
  return Response.json(
    { received: result.status < 300, outcome: result.outcome },
    { status: result.status, headers },
  );
}
