import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Connection } from './client';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

// Any constant works; it only has to be the same for every process that migrates.
const migrationLockId = 4_212_026;

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

function readJournal(): Journal {
  const file = path.join(migrationsFolder, 'meta', '_journal.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Journal;
}

/**
 * Applies pending migrations. On PostgreSQL an advisory lock makes concurrent callers wait
 * for each other, so open the connection with `max: 1` to keep the lock on one session.
 */
export async function migrateDatabase(connection: Connection): Promise<string[]> {
  const before = await appliedMigrationCount(connection);
  if (connection.engine === 'postgres') {
    await connection.db.execute(sql`select pg_advisory_lock(${migrationLockId})`);
  }
  try {
    if (connection.engine === 'pglite') {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(connection.db as never, { migrationsFolder });
    } else {
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      await migrate(connection.db, { migrationsFolder });
    }
  } finally {
    if (connection.engine === 'postgres') {
      await connection.db.execute(sql`select pg_advisory_unlock(${migrationLockId})`);
    }
  }
  return readJournal()
    .entries.slice(before)
    .map((entry) => entry.tag);
}

export async function appliedMigrationCount(connection: Connection): Promise<number> {
  const exists = await connection.db.execute<{ present: boolean }>(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!rowsOf<{ present: boolean }>(exists)[0]?.present) return 0;
  const result = await connection.db.execute<{ count: number }>(
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  return rowsOf<{ count: number }>(result)[0]?.count ?? 0;
}

export async function pendingMigrations(connection: Connection): Promise<string[]> {
  const applied = await appliedMigrationCount(connection);
  return readJournal()
    .entries.slice(applied)
    .map((entry) => entry.tag);
}

// postgres-js returns rows as an array; PGlite wraps them in { rows }.
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
