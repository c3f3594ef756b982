import 'server-only';
import { sql } from 'drizzle-orm';
import { markDatabaseDown, markDatabaseUp } from '@/lib/platform/database-availability';
import { getConnection } from '@/db/client';
import { isDatabaseUnreachable } from '@/db/errors';
import { logger } from '@/lib/platform/log';

const firstProbeMs = 1000;
const slowestProbeMs = 10_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
        ms,
      ).unref(),
    ),
  ]);
}

/** One round trip to the database; throws when it does not answer within the time. */
export async function pingDatabase(timeoutMs = 3000): Promise<void> {
  await withTimeout(getConnection().db.execute(sql`select 1`), timeoutMs);
}

/** Ends an outage, if one was marked, when something has just reached the database. */
export function noteDatabaseReachable(): void {
  if (markDatabaseUp()) logger.info('database: reachable again; serving every page');
}

/**
 * Called with any error that may come from the database. When it says the server is out of
 * reach, pages that need the database answer 503 (proxy.ts) and a probe with backoff watches for
 * its return, so the site recovers by itself without waiting for a visitor to try.
 */
export function reportDatabaseError(error: unknown): void {
  if (!isDatabaseUnreachable(error) || !markDatabaseDown()) return;
  logger.error('database: unreachable; pages that need it answer 503 until it is back');
  probe(firstProbeMs);
}

function probe(delayMs: number): void {
  setTimeout(async () => {
    try {
      await pingDatabase();
      noteDatabaseReachable();
    } catch {
      probe(Math.min(delayMs * 2, slowestProbeMs));
    }
  }, delayMs).unref();
}
