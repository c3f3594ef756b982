import 'server-only';
import { after } from 'next/server';
import { deliverEmailsNow } from './outbox';

/**
 * Sends e-mails queued by this request once its answer has gone, so that neither a slow mail
 * server nor whether there was anything to send changes how long the answer takes. What fails
 * here stays queued for the outbox's worker.
 */
export function sendAfterResponse(outboxIds: string[]): void {
  if (outboxIds.length === 0) return;
  after(() => deliverEmailsNow(outboxIds));
}
