import { spawn } from 'node:child_process';

/** A failure a person can act on: one line, after any log that explains it. */
export class BenchError extends Error {
  constructor(
    message: string,
    readonly details = '',
  ) {
    super(message);
  }
}

/** Runs `scripts/build.ts` (migrate, seed, next build); the log is shown only if it fails. */
export function build(root: string, env: Record<string, string>, signal: AbortSignal) {
  const child = spawn('npx', ['tsx', 'scripts/build.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    signal,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise<void>((resolve, reject) => {
    child.on('error', (error) => reject(new BenchError(`the build did not run: ${error.message}`)));
    child.on('exit', (code, exitSignal) =>
      code === 0
        ? resolve()
        : reject(new BenchError(`the build failed (${exitSignal ?? `exit code ${code}`})`, output)),
    );
  });
}
