import { reportDatabaseError } from '@/lib/database-watch';
import { deliverDueEmails } from '@/lib/email/outbox';
import { logger } from '@/lib/log';

const batch = 20;

// On globalThis, so a second call in the same process (a dev-server reload) starts nothing.
const globalKey = Symbol.for('northgate.email.worker');
type Global = typeof globalThis & { [globalKey]?: { stop(): void } };

/**
 * Delivers queued e-mails every 15 seconds in this server process, and straight on while a
 * backlog remains. Runs never overlap, the timer does not keep the process alive, and a failure
 * is logged (once per outage) rather than thrown. Returns a function that stops it.
 */
export function startEmailWorker(intervalMs = 15_000): () => void {
  const store = globalThis as Global;
  if (store[globalKey]) return store[globalKey].stop;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let failing = false;

  async function run() {
    let backlog = false;
    try {
      const done = await deliverDueEmails({ limit: batch });
      backlog = done.sent + done.retrying + done.failed === batch;
      if (failing) logger.info('e-mail outbox: running again');
      failing = false;
    } catch (error) {
      reportDatabaseError(error);
      if (!failing) logger.error({ err: error }, 'e-mail outbox: could not run; it keeps trying');
      failing = true;
    }
    if (!stopped) timer = setTimeout(run, backlog ? 0 : intervalMs).unref();
  }

  timer = setTimeout(run, intervalMs).unref();
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    delete store[globalKey];
  };
  store[globalKey] = { stop };
  return stop;
}
