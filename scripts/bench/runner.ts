// What every bench script does around its work: undo what it started (servers, fakes, temporary
// folders) in reverse order however it ends, Ctrl-C included, and say why it failed in a line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchError, build } from './build';

const cleanups: (() => unknown)[] = [];

/** Registers a step to run when the bench ends; the last registered runs first. */
export function onCleanUp(step: () => unknown): void {
  cleanups.push(step);
}

/** A line of progress, on stderr so that stdout holds only the report. */
export const progress = (message: string) => console.error(`· ${message}`);

/** A fresh temporary folder, removed when the bench ends. */
export function temporaryFolder(prefix: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onCleanUp(() => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Builds against `env` (scripts/build.ts); an interrupted bench stops the build. */
export async function buildForBench(root: string, env: Record<string, string>): Promise<void> {
  progress('building against a fresh database…');
  const abort = new AbortController();
  onCleanUp(() => abort.abort());
  await build(root, env, abort.signal);
}

/** The installed version of a package. */
export function packageVersion(root: string, name: string): string {
  const file = path.join(root, 'node_modules', name, 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

let cleaning: Promise<void> | undefined;

// One clean-up however many ask: a Ctrl-C that also makes `main` fail (a child it waits on was
// interrupted too) must not exit half-way through the other's steps.
function cleanUp(name: string): Promise<void> {
  cleaning ??= (async () => {
    for (let step = cleanups.pop(); step; step = cleanups.pop()) {
      try {
        await step();
      } catch (error) {
        console.error(`${name}: clean-up step failed:`, error);
      }
    }
  })();
  return cleaning;
}

export function runBench(name: string, main: () => Promise<void>): void {
  // `on`, not `once`: tsx relays a Ctrl-C to this process a second time when it does not see it
  // acknowledged quickly, and with no listener left its own handler would exit before clean-up.
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) return;
    interrupted = true;
    process.exitCode = 130;
    console.error(`${name}: interrupted`);
    void cleanUp(name).finally(() => process.exit(130));
  });
  main()
    .then(
      () => cleanUp(name),
      async (error: unknown) => {
        await cleanUp(name);
        // After a Ctrl-C, the failure is the interruption's doing.
        if (interrupted) return;
        if (error instanceof BenchError) {
          if (error.details) console.error(error.details.trimEnd());
          console.error(`${name}: ${error.message}`);
        } else {
          console.error(`${name} failed:`, error);
        }
        process.exitCode = 1;
      },
    )
    .then(() => process.exit());
}
