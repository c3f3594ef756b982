import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getConnection } from '@/db/client';
import { migrateDatabase, migrationsFolder, pendingMigrations, rowsOf } from '@/db/migrate';

const journal = JSON.parse(
  fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
) as { entries: { tag: string }[] };

describe('migrations', () => {
  it('apply every committed migration from zero', async () => {
    const connection = getConnection();
    expect(await pendingMigrations(connection)).toEqual([]);
    const applied = await connection.db.execute<{ count: number }>(
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    expect(rowsOf<{ count: number }>(applied)[0]?.count).toBe(journal.entries.length);
  });

  it('create the whole domain', async () => {
    const result = await getConnection().db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = rowsOf<{ table_name: string }>(result).map((row) => row.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'users',
        'accounts',
        'sessions',
        'verification_token',
        'auth_tokens',
        'authors',
        'series',
        'topics',
        'media',
        'articles',
        'article_authors',
        'article_topics',
        'article_revisions',
        'audit_log',
        'donations',
        'recurring_gifts',
        'gift_aid_declarations',
        'stripe_events',
        'rate_limits',
        'email_outbox',
      ]),
    );
  });

  it('are a no-op when run again', async () => {
    expect(await migrateDatabase(getConnection())).toEqual([]);
  });
});
