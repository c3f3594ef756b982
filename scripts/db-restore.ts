// Restores the embedded database from a db:backup file; the folder it replaces is kept aside.
import path from 'node:path';
import { NotABackupError, restorePglite } from '@/db/backup';
import { getEnv } from '@/lib/platform/env';
import { runCli } from './lib/cli';

const usage = 'usage: npm run db:restore -- <backup file> (stop the server first)';

runCli('db:restore', async (argv) => {
  const [file, ...rest] = argv;
  if (!file || rest.length > 0) {
    console.error(`db:restore: name one backup file\n${usage}`);
    process.exit(2);
  }
  const env = getEnv();
  if (env.database.engine === 'postgres') {
    console.error(
      'db:restore: DATABASE_URL points at PostgreSQL; restore it with pg_restore (see the README, "Backups").',
    );
    process.exit(2);
  }
  try {
    const { movedAside } = await restorePglite(path.resolve(file), env.database.dataDir);
    console.log(`Restored ${env.database.dataDir} from ${file}.`);
    if (movedAside) console.log(`The folder it replaced is kept at ${movedAside}.`);
  } catch (error) {
    if (!(error instanceof NotABackupError)) throw error;
    console.error(`db:restore: ${error.message}; nothing was changed.`);
    process.exit(1);
  }
});
