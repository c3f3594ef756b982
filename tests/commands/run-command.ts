import { spawn } from 'node:child_process';
import path from 'node:path';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/** Runs one of the project's scripts in a child process with the given environment. */
export function runScript(
  script: string,
  env: Record<string, string | undefined>,
  args: string[] = [],
  timeoutMs = 150_000,
) {
  return new Promise<CommandResult>((resolve, reject) => {
    const clean = { ...process.env, DATABASE_URL: undefined, PGLITE_DATA_DIR: undefined, ...env };
    const child = spawn(tsx, [path.join(root, script), ...args], {
      cwd: root,
      env: clean as NodeJS.ProcessEnv,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
