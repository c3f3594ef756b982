import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { getEnv } from '@/lib/platform/env';
import * as schema from './schema';
import { acquireDataDirLock, releaseDataDirLock } from './pglite-lock';

export type Schema = typeof schema;
// Both drivers expose the same query builder; the postgres-js type stands for either.
export type Database = ReturnType<typeof drizzlePostgres<Schema>>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Engine = 'pglite' | 'postgres';

export interface Connection {
  db: Database;
  engine: Engine;
  close(): Promise<void>;
}

export const buildSnapshotPath = path.join('.data', 'build', 'pglite-snapshot.tar.gz');

export function isMemoryDataDir(dataDir: string): boolean {
  return dataDir === 'memory://' || dataDir.startsWith('memory://');
}

function openPglite(dataDir: string): Connection {
  let client: PGlite;
  let release = () => {};
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    // Build workers run in parallel processes: each reads a private in-memory copy made by
    // `npm run build`, so none of them opens the data folder itself.
    client = new PGlite({ loadDataDir: readBuildSnapshot() });
  } else if (isMemoryDataDir(dataDir)) {
    client = new PGlite();
  } else {
    acquireDataDirLock(dataDir);
    release = () => releaseDataDirLock(dataDir);
    client = new PGlite(path.resolve(dataDir));
  }
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    engine: 'pglite',
    async close() {
      await client.close();
      release();
    },
  };
}

function readBuildSnapshot(): Blob {
  const snapshot = path.resolve(buildSnapshotPath);
  if (!fs.existsSync(snapshot)) {
    throw new Error(
      `No database snapshot for the build at ${buildSnapshotPath}. ` +
        'Build with `npm run build`, which prepares it, rather than `next build` directly.',
    );
  }
  return new Blob([fs.readFileSync(snapshot)]);
}

function openPostgres(url: string, max: number): Connection {
  const client = postgres(url, {
    max,
    connect_timeout: 5,
    idle_timeout: 30,
    onnotice: () => {},
  });
  return {
    db: drizzlePostgres(client, { schema }),
    engine: 'postgres',
    close: () => client.end({ timeout: 5 }),
  };
}

export function openConnection(options: { max?: number } = {}): Connection {
  const { database } = getEnv();
  return database.engine === 'postgres'
    ? openPostgres(database.url, options.max ?? 10)
    : openPglite(database.dataDir);
}

// Kept on globalThis so that dev-server reloads and separately bundled entry points
// (instrumentation, route handlers) share one connection per process.
const globalKey = Symbol.for('northgate.database');
type Global = typeof globalThis & { [globalKey]?: Connection };

export function getConnection(): Connection {
  const store = globalThis as Global;
  store[globalKey] ??= openConnection();
  return store[globalKey];
}

export function getDb(): Database {
  return getConnection().db;
}

export async function closeConnection(): Promise<void> {
  const store = globalThis as Global;
  const connection = store[globalKey];
  delete store[globalKey];
  await connection?.close();
}
