import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployedFiles } from '../../scripts/lib/compile-entries';
import { startServer, type RunningServer } from '../../scripts/lib/next-server';

const root = path.resolve(import.meta.dirname, '../..');
let app: string;
let server: RunningServer | undefined;

function node(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [script, ...args], {
    cwd: app,
    env: { ...process.env, DATABASE_URL: '', NODE_ENV: 'production', ...env },
    encoding: 'utf8',
  });
}

// What a deployment holds: the build and the files it reads at run time, with the production
// dependencies alone, installed from the lock file as a Dockerfile's last stage installs them.
beforeAll(() => {
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'northgate-artefact-'));
  for (const file of deployedFiles) {
    fs.cpSync(path.join(root, file), path.join(app, file), { recursive: true });
  }
  const installed = spawnSync(
    'npm',
    ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'],
    { cwd: app, encoding: 'utf8' },
  );
  expect(installed.status, installed.stderr).toBe(0);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(app, { recursive: true, force: true });
});

describe('the deployable build, with production dependencies only', () => {
  it('has none of the development tools', () => {
    for (const tool of ['tsx', 'typescript', 'esbuild', 'vitest']) {
      expect(fs.existsSync(path.join(app, 'node_modules', tool)), tool).toBe(false);
    }
  });

  it('migrates a database and creates an account with node', () => {
    const data = { PGLITE_DATA_DIR: path.join(app, '.data', 'commands') };
    const migrated = node('dist/db-migrate.js', [], data);
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/^Applied \d+ migration\(s\) on pglite: 0000_initial/);
    const again = node('dist/db-migrate.js', [], data);
    expect(again.stdout).toContain('The pglite database is up to date.');

    const created = node(
      'dist/user-create.js',
      ['--email', 'admin@example.org', '--password', 'a long deploy passphrase', '--role', 'admin'],
      data,
    );
    expect(created.status, created.stderr).toBe(0);
  });

  it('serves the site with node, on a database it migrates and seeds', async () => {
    server = await startServer(
      { PGLITE_DATA_DIR: path.join(app, '.data', 'site') },
      undefined,
      app,
    );
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: { ok: true } });
    const home = await fetch(`${server.url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('cache-control')).toMatch(/^public, /);
    const html = await home.text();
    const article = /href="(\/articles\/[a-z0-9-]+)"/.exec(html)?.[1];
    expect(article, 'the home page links the demo articles').toBeDefined();
    const piece = await fetch(`${server.url}${article}`);
    expect(piece.status).toBe(200);
    expect(piece.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});
