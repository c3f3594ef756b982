import { reportDatabaseError } from '@/lib/database-watch';
import { logger } from '@/lib/log';
import { pruneAll } from './prune';

const everyMs = 60 * 60_000;
// The first run waits a little, so that a server starting under load serves readers first.
const firstRunMs = 60_000;

// On globalThis, so a second call in the same process (a dev-server reload) starts nothing.
const globalKey = Symbol.for('northgate.housekeeping');
type Global = typeof globalThis & { [globalKey]?: { stop(): void } };

/**
 * Prunes what grows (lib/housekeeping/prune.ts) every hour in this server process. Several
 * processes may run it: each deletion is a single statement and harmless to repeat. The timer
 * does not keep the process alive; a failure is logged and the next hour tries again. Returns a
 * function that stops it.
 */
export function startHousekeeping(intervalMs = everyMs, firstMs = firstRunMs): () => void {
  const store = globalThis as Global;
  if (store[globalKey]) return store[globalKey].stop;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function run() {
    try {
      const pruned = await pruneAll();
      if (Object.values(pruned).some((count) => count > 0)) logger.info({ pruned }, 'pruned');
    } catch (error) {
      reportDatabaseError(error);
      logger.error({ err: error }, 'housekeeping: could not prune; it tries again in an hour');
    }
    if (!stopped) timer = setTimeout(run, intervalMs).unref();
  }

  timer = setTimeout(run, firstMs).unref();
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    delete store[globalKey];
  };
  store[globalKey] = { stop };
  return stop;
}
