// Writes a backup of the embedded database: a gzipped tarball that db:restore reads back.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { snapshotPglite } from '@/db/backup';
import { openConnection } from '@/db/client';
import { getEnv } from '@/lib/platform/env';
import { runCli } from './lib/cli';

runCli('db:backup', async (argv) => {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } }, strict: true });
  const env = getEnv();
  if (env.database.engine === 'postgres') {
    console.error(
      'db:backup: DATABASE_URL points at PostgreSQL; back it up with pg_dump (see the README, "Backups").',
    );
    process.exit(2);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.resolve(values.out ?? path.join('.data', 'backups', `pglite-${stamp}.tar.gz`));
  const connection = openConnection({ max: 1 });
  try {
    const archive = await snapshotPglite(connection);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    // Written beside its final name first, so a crash never leaves a truncated backup there.
    fs.writeFileSync(`${out}.partial`, archive);
    fs.renameSync(`${out}.partial`, out);
    console.log(
      `Backed up ${env.database.dataDir} to ${path.relative(process.cwd(), out)} (${(archive.length / 1024).toFixed(0)} KiB).`,
    );
  } finally {
    await connection.close();
  }
});
