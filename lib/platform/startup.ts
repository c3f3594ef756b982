import { getConnection } from '@/db/client';
import { describeDatabaseError } from '@/db/errors';
import { migrateDatabase, pendingMigrations } from '@/db/migrate';
import { DatabaseLockedError } from '@/db/pglite-lock';
import { seedIfEmpty } from '@/db/seed/seed';
import { startContentWatch } from '@/lib/cache/content-watch';
import { reportDatabaseError } from '@/lib/platform/database-watch';
import { EnvError, getEnv } from '@/lib/platform/env';
import { startBackgroundJobs } from '@/lib/jobs/background';
import { logger } from '@/lib/platform/log';

function stop(problem: string): never {
  logger.fatal({ problem }, 'server cannot start');
  process.exit(1);
}

/**
 * Runs once as the server starts (never during `next build`: see instrumentation.ts). The
 * embedded database and any development database are brought up to date and given demo content
 * when empty; a production PostgreSQL is only checked, because migrating it is a deliberate step
 * (`npm run db:migrate`). Then every process watches the content version; the background jobs
 * run here only where no worker runs them (JOBS in lib/platform/env.ts).
 */
export async function prepareServer(): Promise<void> {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) stop(error.message);
    throw error;
  }
  const manageDatabase = env.NODE_ENV !== 'production' || env.database.engine === 'pglite';
  try {
    const connection = getConnection();
    if (manageDatabase) {
      const applied = await migrateDatabase(connection);
      if (applied.length) logger.info({ migrations: applied }, 'applied migrations');
      await seedIfEmpty(connection.db);
    } else {
      const pending = await pendingMigrations(connection);
      if (pending.length) {
        stop(
          `The database schema is ${pending.length} migration(s) behind (${pending.join(', ')}). ` +
            'Run `npm run db:migrate`, then start again.',
        );
      }
    }
  } catch (error) {
    if (error instanceof DatabaseLockedError) stop(error.message);
    const line = describeDatabaseError(error, env.DATABASE_URL);
    if (!line) throw error;
    reportDatabaseError(error);
    // The server still starts: cached pages are served and /api/health reports the outage.
    logger.warn(
      { problem: line },
      'database unreachable: the site answers 503 where it needs it until it is reachable',
    );
  }
  startContentWatch();
  if (env.jobsInWeb) startBackgroundJobs();
}
