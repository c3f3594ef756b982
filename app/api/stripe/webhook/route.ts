import { sendAfterResponse } from '@/lib/email/send-after-response';
import { logger } from '@/lib/platform/log';
import { receiveStripeWebhook } from '@/lib/payments/webhook';
import { requestIdHeader } from '@/lib/platform/request-id';
import { readBodyWithin } from '@/lib/platform/request-body';
import { getRequestId } from '@/lib/platform/request-log';

export const dynamic = 'force-dynamic';

// Stripe's events are a few kilobytes; anything far larger is not from Stripe.
const maxBodyBytes = 512 * 1024;

// A bad signature is a sender's mistake (or a probe): worth a look, not an alarm.
const levelOf = (status: number) => (status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info');

export async function POST(request: Request) {
  const requestId = await getRequestId();
  const log = logger.child({ requestId });
  const headers = { 'Cache-Control': 'no-store', [requestIdHeader]: requestId };
  const body = await readBodyWithin(request, maxBodyBytes);
  if (!body.ok) {
    const detail = body.declared
      ? `Content-Length ${body.bytes} is over the limit of ${maxBodyBytes} bytes`
      : `the body passed the limit of ${maxBodyBytes} bytes`;
    log.warn({ outcome: 'too-large', status: 413, bytes: body.bytes, detail }, 'stripe webhook');
    return Response.json(
      { error: 'Payload too large' },
      // The rest of the body is not read: the connection cannot carry another request.
      { status: 413, headers: { ...headers, Connection: 'close' } },
    );
  }
  const result = await receiveStripeWebhook(body.text, request.headers.get('stripe-signature'));
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
  sendAfterResponse(result.receipts);
  return Response.json(
    { received: result.status < 300, outcome: result.outcome },
    { status: result.status, headers },
  );
}
