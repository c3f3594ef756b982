// What every bench script does around its work: undo what it started (servers, fakes, temporary
// folders) in reverse order however it ends, Ctrl-C included, and say why it failed in a line.
import { BenchError } from './build';

const cleanups: (() => unknown)[] = [];

/** Registers a step to run when the bench ends; the last registered runs first. */
export function onCleanUp(step: () => unknown): void {
  cleanups.push(step);
}

async function cleanUp(name: string) {
  for (let step = cleanups.pop(); step; step = cleanups.pop()) {
    try {
      await step();
    } catch (error) {
      console.error(`${name}: clean-up step failed:`, error);
    }
  }
}

export function runBench(name: string, main: () => Promise<void>): void {
  // `on`, not `once`: tsx relays a Ctrl-C to this process a second time when it does not see it
  // acknowledged quickly, and with no listener left its own handler would exit before clean-up.
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`${name}: interrupted`);
    void cleanUp(name).finally(() => process.exit(130));
  });
  main()
    .then(
      () => cleanUp(name),
      async (error: unknown) => {
        await cleanUp(name);
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
