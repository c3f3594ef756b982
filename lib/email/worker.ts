import { reportDatabaseError } from '@/lib/platform/database-watch';
import { deliverDueEmails } from '@/lib/email/outbox';
import { repeat } from '@/lib/jobs/repeat';
import { logger } from '@/lib/platform/log';

const batch = 20;

/**
 * Delivers queued e-mails as it starts, every 15 seconds after, and straight on while a
 * backlog remains. A failure is logged once per outage rather than thrown. Returns a function
 * that stops it.
 */
export function startEmailWorker(intervalMs = 15_000): () => void {
  let failing = false;
  return repeat(
    'email-outbox',
    async () => {
      try {
        const done = await deliverDueEmails({ limit: batch });
        if (failing) logger.info('e-mail outbox: running again');
        failing = false;
        return done.sent + done.retrying + done.failed === batch;
      } catch (error) {
        reportDatabaseError(error);
        if (!failing) logger.error({ err: error }, 'e-mail outbox: could not run; it keeps trying');
        failing = true;
        return false;
      }
    },
    { intervalMs, firstMs: 0 },
  );
}
