import autocannon, { type Result } from 'autocannon';

export interface LoadFigures {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  non2xx: number;
  /** Autocannon counts every timeout as an error too. */
  errors: number;
  timeouts: number;
}

export const connections = 50;

function figures(result: Result): LoadFigures {
  return {
    requestsPerSecond: result.requests.mean,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Fills caches (ISR pages, the data cache) and lets the JIT settle before anything is timed. */
export async function warmUp(url: string, requests = 200): Promise<LoadFigures> {
  return figures(await autocannon({ url, connections: 10, amount: requests }));
}

export interface LoadOptions {
  /** Sent with every request; none by default, as scripts and bots ask. */
  headers?: Record<string, string>;
  /** Each request asks a query no request asked before (`?q=<word> <n>`). */
  distinctQueries?: boolean;
}

export async function measure(
  url: string,
  durationSeconds: number,
  { headers, distinctQueries = false }: LoadOptions = {},
): Promise<LoadFigures> {
  let asked = 0;
  const path = new URL(url).pathname + new URL(url).search;
  return figures(
    await autocannon({
      url,
      connections,
      duration: durationSeconds,
      headers,
      requests: distinctQueries
        ? [{ setupRequest: (request) => ({ ...request, path: `${path}+${++asked}` }) }]
        : undefined,
    }),
  );
}
