import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runScript } from './run-command';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'user-create-'));
const env = { PGLITE_DATA_DIR: path.join(dir, 'pglite') };

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('creates the first admin, and refuses bad arguments with every reason', async () => {
  const created = await runScript('scripts/user-create.ts', env, [
    '--email',
    'Chief@Example.org',
    '--password',
    'a long and private phrase',
    '--role',
    'admin',
  ]);
  expect(created.code).toBe(0);
  expect(created.stdout).toContain('Created admin account chief@example.org.');

  const refused = await runScript('scripts/user-create.ts', env, [
    '--email',
    'nope',
    '--password',
    'passwordpassword',
    '--role',
    'king',
  ]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('--email: Enter an e-mail address');
  expect(refused.stderr).toContain('--password: This password is too common');
  expect(refused.stderr).toContain('--role: must be one of member, editor, admin');
});
