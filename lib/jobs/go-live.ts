import { reportDatabaseError } from '@/lib/platform/database-watch';
import { nextGoLive, publishDuePieces } from '@/lib/editorial/go-live';
import { logger } from '@/lib/platform/log';
import { repeat } from './repeat';

// How often the schedule is read again, for pieces scheduled since the last read.
const everyMs = 15_000;

/**
 * Publishes scheduled pieces at their time (lib/editorial/go-live.ts): the job wakes at the
 * next piece's time, or every 15 s to find pieces scheduled since. Returns a function that
 * stops it.
 */
export function startGoLive(): () => void {
  return repeat(
    'go-live',
    async () => {
      try {
        const published = await publishDuePieces();
        if (published.length) logger.info({ slugs: published }, 'scheduled pieces went live');
        const next = await nextGoLive();
        return next ? next.getTime() - Date.now() : everyMs;
      } catch (error) {
        reportDatabaseError(error);
        logger.error({ err: error }, 'go-live: could not read the schedule; it tries again');
        return everyMs;
      }
    },
    { intervalMs: everyMs, firstMs: 0 },
  );
}
