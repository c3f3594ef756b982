import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from './run-command';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-backup-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function rows(dataDir: string) {
  const db = await PGlite.create(dataDir);
  try {
    const articles = await db.query<{ slug: string; title: string; body: string }>(
      'select slug, title, body from articles order by slug',
    );
    const users = await db.query<{ email: string; role: string }>(
      'select email, role from users order by email',
    );
    return { articles: articles.rows, users: users.rows };
  } finally {
    await db.close();
  }
}

describe('backups of the embedded database', () => {
  it('restores a backup with the same rows, keeping the replaced folder aside', async () => {
    const dataDir = path.join(dir, 'site');
    const env = { PGLITE_DATA_DIR: dataDir };
    expect((await runScript('scripts/db-seed.ts', env)).code).toBe(0);
    const before = await rows(dataDir);
    expect(before.articles.length).toBeGreaterThan(10);

    const file = path.join(dir, 'nightly.tar.gz');
    const backup = await runScript('scripts/db-backup.ts', env, ['--out', file]);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/Backed up .* to .*nightly\.tar\.gz/);

    // Something goes wrong after the backup: an article is lost.
    const damaged = await PGlite.create(dataDir);
    await damaged.query('delete from article_authors');
    await damaged.query('delete from article_topics');
    await damaged.query('delete from articles');
    await damaged.close();
    expect((await rows(dataDir)).articles).toEqual([]);

    const restore = await runScript('scripts/db-restore.ts', env, [file]);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('Restored');
    expect(await rows(dataDir)).toEqual(before);
    const aside = fs.readdirSync(dir).filter((name) => name.startsWith('site.before-restore-'));
    expect(aside).toHaveLength(1);
    expect((await rows(path.join(dir, aside[0]!))).articles).toEqual([]);
    // Four commands in child processes, each starting the database.
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const dataDir = path.join(dir, 'untouched');
    const env = { PGLITE_DATA_DIR: dataDir };
    expect((await runScript('scripts/db-migrate.ts', env)).code).toBe(0);
    const junk = path.join(dir, 'junk.tar.gz');
    fs.writeFileSync(junk, 'not a tarball');
    const restore = await runScript('scripts/db-restore.ts', env, [junk]);
    expect(restore.code).toBe(1);
    expect(restore.stderr.trim().split('\n')).toHaveLength(1);
    expect(restore.stderr).toMatch(/is not a backup .* nothing was changed/);
    expect(fs.readdirSync(dir).some((name) => name.startsWith('untouched.before-restore'))).toBe(
      false,
    );
  });

  it('points PostgreSQL users at pg_dump', async () => {
    const backup = await runScript('scripts/db-backup.ts', {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/none',
    });
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain('pg_dump');
  });
});
