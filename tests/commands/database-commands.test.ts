import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockPathFor } from '@/db/pglite-lock';
import { runScript } from './run-command';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-commands-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function expectOneClearLine(stderr: string) {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe('database commands', () => {
  it('migrate and seed an embedded database, and a second seed changes nothing', async () => {
    const env = { PGLITE_DATA_DIR: path.join(dir, 'seeded') };
    const migrate = await runScript('scripts/db-migrate.ts', env);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toMatch(/Applied \d+ migration/);

    const first = await runScript('scripts/db-seed.ts', env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Seeded .*articles/);
    expect(first.stdout).toContain('admin@northgate.example');

    const second = await runScript('scripts/db-seed.ts', env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('nothing changed');
    expect(second.stdout).not.toContain('admin@northgate.example');
    expect(fs.existsSync(lockPathFor(env.PGLITE_DATA_DIR))).toBe(false);
  });

  it('names a malformed variable in one line', async () => {
    const result = await runScript('scripts/db-migrate.ts', {
      DATABASE_URL: 'mysql://root@localhost/site',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL must be a URL like postgres://');
    expectOneClearLine(result.stderr);
  });

  it('says in one line when PostgreSQL cannot be reached', async () => {
    const result = await runScript('scripts/db-migrate.ts', {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot reach PostgreSQL at 127.0.0.1:1/nowhere');
    expectOneClearLine(result.stderr);
  });

  it('refuses to open an embedded database that another process holds', async () => {
    const dataDir = path.join(dir, 'held');
    const holder = spawn('sleep', ['60']);
    try {
      fs.writeFileSync(
        lockPathFor(dataDir),
        JSON.stringify({ pid: holder.pid, startTicks: null, command: 'next start' }),
      );
      const result = await runScript('scripts/db-seed.ts', { PGLITE_DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`in use by another process (pid ${holder.pid}: next start)`);
      expectOneClearLine(result.stderr);
      expect(fs.existsSync(dataDir)).toBe(false);
    } finally {
      holder.kill();
    }
  });
});
