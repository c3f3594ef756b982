import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Creates an account as an operator does, with the compiled command (`npm run user:create`),
 * against the database `env` names; throws with the command's output when it fails.
 */
export function createAccount(
  account: { email: string; password: string },
  role: string,
  env: Record<string, string | undefined>,
): void {
  const args = ['--email', account.email, '--password', account.password, '--role', role];
  const created = spawnSync(process.execPath, ['dist/user-create.js', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (created.status !== 0) {
    throw new Error(`Could not create the ${role} account: ${created.stderr}`);
  }
}
