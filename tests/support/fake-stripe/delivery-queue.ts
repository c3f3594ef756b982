import { setTimeout as sleep } from 'node:timers/promises';
import type Stripe from 'stripe';
import { postEvent, type Delivery } from './webhooks';

/** How the fake sends webhooks of its own accord: Stripe's behaviour, its days made seconds. */
export interface DeliverySchedule {
  /** Each event waits a random time between these bounds (ms) before its first attempt. */
  jitterMs: { min: number; max: number };
  /** The wait (ms) before each retry of a failed attempt: as many retries as entries. */
  retryDelaysMs: readonly number[];
  /** An attempt with no whole answer after this long (ms) has failed. */
  timeoutMs: number;
}

// Stripe retries a live endpoint for three days with exponential backoff and a sandbox one three
// times over a few hours; the fake retries three times, doubling, over seven seconds.
export const defaultDeliverySchedule: DeliverySchedule = {
  jitterMs: { min: 100, max: 1000 },
  retryDelaysMs: [1000, 2000, 4000],
  timeoutMs: 10_000,
};

export function checkSchedule(schedule: DeliverySchedule): DeliverySchedule {
  const milliseconds = (value: number, name: string) => {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(
        `${name} must be a whole number of milliseconds, 0 or more; got ${value}`,
      );
    }
  };
  milliseconds(schedule.jitterMs.min, 'jitterMs.min');
  milliseconds(schedule.jitterMs.max, 'jitterMs.max');
  if (schedule.jitterMs.min > schedule.jitterMs.max) {
    throw new RangeError('jitterMs.min must not be more than jitterMs.max');
  }
  schedule.retryDelaysMs.forEach((delay, index) => milliseconds(delay, `retryDelaysMs[${index}]`));
  milliseconds(schedule.timeoutMs, 'timeoutMs');
  if (schedule.timeoutMs === 0) throw new RangeError('timeoutMs must be more than 0');
  return {
    ...schedule,
    jitterMs: { ...schedule.jitterMs },
    retryDelaysMs: [...schedule.retryDelaysMs],
  };
}

/** A whole number of milliseconds drawn evenly from the bounds, both included. */
export function jitter(bounds: { min: number; max: number }, random = Math.random): number {
  return bounds.min + Math.floor(random() * (bounds.max - bounds.min + 1));
}

const succeeded = (status: number) => status >= 200 && status < 300;

/** One attempt: the answer's status, or 0 and the reason when no whole answer came in time. */
export async function attemptDelivery(
  event: Stripe.Event,
  url: string,
  secret: string,
  timeoutMs: number,
  stop?: AbortSignal,
): Promise<{ status: number; error: string | null }> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await postEvent(event, url, secret, {
      signal: stop ? AbortSignal.any([stop, timeout]) : timeout,
    });
    await response.arrayBuffer();
    return { status: response.status, error: null };
  } catch (error) {
    if (timeout.aborted) return { status: 0, error: `no answer within ${timeoutMs} ms` };
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    return { status: 0, error: `connection failed: ${String(reason)}` };
  }
}

/** Waits, or stops early (false) when the queue is closed. */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends events as Stripe does: each on its own after a random delay, so in no promised order, and
 * a failed attempt (not 2xx, no connection, too slow) again after each delay of the schedule.
 * Every attempt is written to the delivery log.
 */
export class DeliveryQueue {
  private scheduleValue: DeliverySchedule;
  private readonly pending = new Set<Promise<void>>();
  private readonly stopped = new AbortController();

  constructor(
    private readonly log: Delivery[],
    private readonly secret: () => string,
    schedule: DeliverySchedule = defaultDeliverySchedule,
  ) {
    this.scheduleValue = checkSchedule(schedule);
  }

  get schedule(): DeliverySchedule {
    return checkSchedule(this.scheduleValue);
  }

  set schedule(next: DeliverySchedule) {
    this.scheduleValue = checkSchedule(next);
  }

  /** Events whose delivery has not settled: waiting, being sent, or due to be tried again. */
  get size(): number {
    return this.pending.size;
  }

  /** Queues each event for delivery to `url` with the schedule as it stands now; returns at once. */
  send(events: Stripe.Event[], url: string): void {
    const schedule = this.scheduleValue;
    for (const event of events) {
      const job: Promise<void> = this.deliver(event, url, schedule).finally(() =>
        this.pending.delete(job),
      );
      this.pending.add(job);
    }
  }

  /** Resolves once every delivery, including those queued meanwhile, has succeeded or given up. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Drops every delivery still waiting and cuts those under way short. */
  async close(): Promise<void> {
    this.stopped.abort();
    await this.idle();
  }

  private async deliver(event: Stripe.Event, url: string, schedule: DeliverySchedule) {
    const { signal } = this.stopped;
    if (!(await pause(jitter(schedule.jitterMs), signal))) return;
    for (let attempt = 1; ; attempt += 1) {
      const startedAt = Date.now();
      const { status, error } = await attemptDelivery(
        event,
        url,
        this.secret(),
        schedule.timeoutMs,
        signal,
      );
      // Cut short by close(): no attempt Stripe would have made.
      if (signal.aborted) return;
      const finishedAt = Date.now();
      const retryIn = succeeded(status) ? undefined : schedule.retryDelaysMs[attempt - 1];
      this.log.push({
        eventId: event.id,
        type: event.type,
        url,
        status,
        attempt,
        startedAt,
        finishedAt,
        error,
        nextAttemptAt: retryIn === undefined ? null : finishedAt + retryIn,
      });
      if (retryIn === undefined || !(await pause(retryIn, signal))) return;
    }
  }
}
