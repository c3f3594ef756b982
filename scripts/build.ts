// Compiles the programs a deployment runs (scripts/lib/compile-entries.ts), prepares the
// database for `next build`, then runs it. Pages are pre-rendered in parallel worker processes;
// with the embedded database they each read a snapshot made here, since PGlite allows one
// process per data folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { snapshotPglite } from '@/db/backup';
import { buildSnapshotPath, openConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedIfEmpty } from '@/db/seed/seed';
import { getEnv } from '@/lib/platform/env';
import { runCli } from './lib/cli';
import { compileEntries } from './lib/compile-entries';

runCli('build', async (args) => {
  const env = getEnv();
  // First: Next loads the shared data cache's handler from dist/ while it builds.
  await compileEntries();
  const connection = openConnection({ max: 1 });
  try {
    await migrateDatabase(connection);
    if (connection.engine === 'pglite') {
      await seedIfEmpty(connection.db);
      fs.mkdirSync(path.dirname(buildSnapshotPath), { recursive: true });
      fs.writeFileSync(buildSnapshotPath, await snapshotPglite(connection));
    }
  } finally {
    await connection.close();
  }

  console.log(`Building against the ${env.database.engine} database…`);
  const result = spawnSync('npx', ['next', 'build', ...args], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (fs.existsSync(buildSnapshotPath)) fs.rmSync(buildSnapshotPath);
  if (result.status !== 0) process.exit(result.status ?? 1);
});
