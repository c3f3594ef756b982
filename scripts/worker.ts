// The site's background jobs in a process of their own (lib/jobs/background.ts), for a site on
// PostgreSQL: the web processes then only serve pages. Several workers may run at once. Runs
// until SIGTERM or SIGINT.
import { closeConnection, getConnection } from '@/db/client';
import { pendingMigrations } from '@/db/migrate';
import { getEnv } from '@/lib/platform/env';
import { startBackgroundJobs } from '@/lib/jobs/background';
import { logger } from '@/lib/platform/log';
import { explainFailure, loadEnvFiles } from './lib/cli';

async function main(): Promise<void> {
  loadEnvFiles();
  const env = getEnv();
  if (env.database.engine === 'pglite') {
    throw new Error(
      'The embedded database allows one process at a time, and the web process runs its jobs ' +
        'itself. Set DATABASE_URL to run a worker beside the web processes.',
    );
  }
  const pending = await pendingMigrations(getConnection());
  if (pending.length) {
    throw new Error(
      `The database schema is ${pending.length} migration(s) behind (${pending.join(', ')}). ` +
        'Run `npm run db:migrate`, then start again.',
    );
  }
  const stop = startBackgroundJobs();
  // The jobs' timers let the process exit; this one keeps it running until it is told to stop.
  const alive = setInterval(() => {}, 60 * 60_000);
  logger.info('worker: delivering e-mail, publishing scheduled pieces and pruning');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stop();
      clearInterval(alive);
      logger.info({ signal }, 'worker: stopping');
      // A job cut short is safe: e-mails are leased and retried, the rest runs again.
      void closeConnection().finally(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(`worker: ${explainFailure(error) ?? (error as Error).message}`);
  process.exit(1);
});
