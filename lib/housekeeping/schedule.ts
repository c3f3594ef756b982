import { reportDatabaseError } from '@/lib/platform/database-watch';
import { repeat } from '@/lib/jobs/repeat';
import { logger } from '@/lib/platform/log';
import { pruneAll } from './prune';

const everyMs = 60 * 60_000;
// The first run waits a little, so that a server starting under load serves readers first.
const firstRunMs = 60_000;

/**
 * Prunes what grows (lib/housekeeping/prune.ts) every hour in this server process. Several
 * processes may run it: each deletion is a single statement and harmless to repeat. A failure
 * is logged and the next hour tries again. Returns a function that stops it.
 */
export function startHousekeeping(intervalMs = everyMs, firstMs = firstRunMs): () => void {
  return repeat(
    'housekeeping',
    async () => {
      try {
        const pruned = await pruneAll();
        if (Object.values(pruned).some((count) => count > 0)) logger.info({ pruned }, 'pruned');
      } catch (error) {
        reportDatabaseError(error);
        logger.error({ err: error }, 'housekeeping: could not prune; it tries again in an hour');
      }
    },
    { intervalMs, firstMs },
  );
}
