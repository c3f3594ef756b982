// A few requests a second to some pages of a running site, one at a time per page, as a
// browser asks (HTML, gzip accepted, no cookie), with their latency kept per page until taken.

export interface PageTarget {
  name: string;
  path: () => string;
}

export interface PageFigures {
  name: string;
  requests: number;
  p50: number;
  p95: number;
  /** Answers other than 200, and requests that failed or took over 10 s. */
  errors: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function probePages(baseUrl: string, targets: PageTarget[], perSecond: number) {
  const fresh = () => targets.map(() => ({ times: [] as number[], errors: 0 }));
  let kept = fresh();
  let running = true;
  const loops = targets.map(async (target, index) => {
    let due = performance.now();
    while (running) {
      const began = performance.now();
      try {
        const response = await fetch(`${baseUrl}${target.path()}`, {
          headers: { accept: 'text/html', 'accept-encoding': 'gzip' },
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        if (response.status === 200) kept[index]!.times.push(performance.now() - began);
        else kept[index]!.errors += 1;
      } catch {
        kept[index]!.errors += 1;
      }
      due = Math.max(due + 1000 / perSecond, performance.now());
      await sleep(due - performance.now());
    }
  });
  return {
    /** The figures since the last take, per page; counting starts afresh. */
    take(): PageFigures[] {
      const taken = kept;
      kept = fresh();
      return targets.map(({ name }, index) => {
        const times = [...taken[index]!.times].sort((a, b) => a - b);
        const { errors } = taken[index]!;
        return {
          name,
          requests: times.length + errors,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          errors,
        };
      });
    },
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
