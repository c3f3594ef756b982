import { logger } from '@/lib/platform/log';

export interface RepeatOptions {
  intervalMs: number;
  /** The wait before the first run; the interval by default. */
  firstMs?: number;
}

// On globalThis, so a second start in the same process (a dev-server reload) starts nothing.
type Global = typeof globalThis & { [key: symbol]: { stop(): void } | undefined };

/**
 * Runs `job` in this process every `intervalMs`, never two runs at once; at once again when a
 * run says there is more to do (returns true), or sooner when it names a time in milliseconds
 * (returns a number below the interval). Started once per process under `name`. The timer does
 * not keep the process alive, and a run that throws is logged and does not stop the next.
 * Returns a function that stops it.
 */
export function repeat(
  name: string,
  job: () => Promise<boolean | number | void>,
  { intervalMs, firstMs = intervalMs }: RepeatOptions,
): () => void {
  const store = globalThis as Global;
  const key = Symbol.for(`northgate.jobs.${name}`);
  const started = store[key];
  if (started) return started.stop;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function run() {
    let nextMs = intervalMs;
    try {
      const answer = await job();
      if (answer === true) nextMs = 0;
      else if (typeof answer === 'number') nextMs = Math.max(0, Math.min(answer, intervalMs));
    } catch (error) {
      logger.error({ err: error, job: name }, 'a repeating job failed; it runs again');
    }
    if (!stopped) timer = setTimeout(run, nextMs).unref();
  }

  timer = setTimeout(run, firstMs).unref();
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    delete store[key];
  };
  store[key] = { stop };
  return stop;
}
