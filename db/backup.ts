import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Connection } from './client';
import { acquireDataDirLock, releaseDataDirLock } from './pglite-lock';

/** The whole embedded database as PGlite itself archives it: a gzipped tarball of its folder. */
export async function snapshotPglite(connection: Connection): Promise<Buffer> {
  if (connection.engine !== 'pglite') throw new Error('Only the embedded database has snapshots');
  const client = (connection.db as unknown as { $client: PGlite }).$client;
  // A freshly opened client is still starting; dumping before it is ready never settles.
  await client.waitReady;
  return Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
}

export class NotABackupError extends Error {
  constructor(file: string, reason: string) {
    super(`${file} is not a backup of this site's embedded database (${reason})`);
    this.name = 'NotABackupError';
  }
}

/**
 * Restores a snapshot into a data folder. The archive is opened and checked in memory first,
 * and a folder already there is moved aside rather than overwritten, so a bad or mistaken
 * restore loses nothing.
 */
export async function restorePglite(
  file: string,
  dataDir: string,
): Promise<{ movedAside: string | null }> {
  const archive = new Blob([fs.readFileSync(file)]);
  const probe = await PGlite.create({ loadDataDir: archive }).catch((error: Error) => {
    throw new NotABackupError(file, error.message);
  });
  try {
    await probe.query('select count(*) from drizzle.__drizzle_migrations');
  } catch {
    throw new NotABackupError(file, 'it holds no migrated database');
  } finally {
    await probe.close();
  }

  acquireDataDirLock(dataDir);
  try {
    let movedAside: string | null = null;
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(dataDir, movedAside);
    }
    const restored = await PGlite.create(path.resolve(dataDir), { loadDataDir: archive });
    await restored.close();
    return { movedAside };
  } finally {
    releaseDataDirLock(dataDir);
  }
}
