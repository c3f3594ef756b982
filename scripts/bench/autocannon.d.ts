// The parts of autocannon's programmatic API the bench uses; no @types/autocannon is installed.
declare module 'autocannon' {
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;

  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      amount?: number;
      headers?: Record<string, string>;
      /** Requests sent in turn on each connection (bench:load). */
      requests?: Request[];
    }

    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      /** Called before each send; returns the request to send. */
      setupRequest?(request: Request, context: Record<string, unknown>): Request;
      /** Called with each response; autocannon then reads the body. */
      onResponse?(status: number, body: string, context: Record<string, unknown>): void;
    }

    interface Histogram {
      mean: number;
      p50: number;
      p99: number;
      total: number;
    }

    interface Result {
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      latency: Histogram;
      requests: Histogram & { sent: number };
      '1xx': number;
      '2xx': number;
      '3xx': number;
      '4xx': number;
      '5xx': number;
      statusCodeStats?: Record<string, { count: number }>;
    }
  }

  export = autocannon;
}
