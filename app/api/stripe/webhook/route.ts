import { after } from 'next/server';
import { sendQueuedNow } from '@/lib/giving/receipts';
import { receiveStripeWebhook } from '@/lib/payments/webhook';

export const dynamic = 'force-dynamic';

// Stripe's events are a few kilobytes; anything far larger is not from Stripe.
const maxBodyBytes = 512 * 1024;

export async function POST(request: Request) {
  const raw = await request.text();
  if (Buffer.byteLength(raw) > maxBodyBytes) {
    return Response.json({ error: 'Payload too large' }, { status: 413 });
  }
  const result = await receiveStripeWebhook(raw, request.headers.get('stripe-signature'));
  const line = JSON.stringify({
    msg: 'stripe webhook',
    outcome: result.outcome,
    status: result.status,
    eventId: result.eventId,
    eventType: result.eventType,
    detail: result.message,
  });
  if (result.status >= 500) console.error(line);
  else console.info(line);
  if (result.receipts.length > 0) after(() => sendQueuedNow(result.receipts));
  return Response.json(
    { received: result.status < 300, outcome: result.outcome },
    { status: result.status, headers: { 'Cache-Control': 'no-store' } },
  );
}
