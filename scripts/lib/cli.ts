import nextEnv from '@next/env';
import { describeDatabaseError } from '@/db/errors';
import { DatabaseLockedError } from '@/db/pglite-lock';
import { EnvError } from '@/lib/platform/env';

/** Loads .env files the way Next does, so a command sees the same settings as the server. */
export function loadEnvFiles(): void {
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production', {
    info: () => {},
    error: console.error,
  });
}

/** The one line to print for a failure a person can fix, or null for a bug. */
export function explainFailure(error: unknown): string | null {
  if (error instanceof EnvError || error instanceof DatabaseLockedError) return error.message;
  return describeDatabaseError(error, process.env.DATABASE_URL);
}

/** Runs a command's main function and turns known failures into one clear line. */
export function runCli(name: string, main: (args: string[]) => Promise<void>): void {
  loadEnvFiles();
  // Node exits with status 0 when nothing is left to wait for, even if `main` never settled;
  // a command that stops half-way must not look like one that succeeded.
  process.on('beforeExit', () => {
    console.error(`${name}: stopped before it finished (a step never completed)`);
    process.exit(1);
  });
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      const line = explainFailure(error);
      if (line) {
        console.error(`${name}: ${line}`);
      } else {
        console.error(`${name} failed:`, error);
      }
      process.exit(1);
    },
  );
}
