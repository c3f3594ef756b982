import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { repeat } from '@/lib/jobs/repeat';

describe('repeat', () => {
  it('runs a job on its interval, never two runs at once, until stopped', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const stop = repeat(
      'test-interval',
      async () => {
        running += 1;
        most = Math.max(most, running);
        runs += 1;
        await sleep(30);
        running -= 1;
      },
      { intervalMs: 5, firstMs: 0 },
    );
    await sleep(200);
    stop();
    const after = runs;
    await sleep(80);
    expect(runs).toBeGreaterThan(2);
    expect(most).toBe(1);
    expect(runs - after).toBeLessThanOrEqual(1);
  });

  it('runs again at once while the job says there is more', async () => {
    let runs = 0;
    const stop = repeat('test-backlog', async () => ++runs < 4, { intervalMs: 60_000, firstMs: 0 });
    await sleep(100);
    stop();
    expect(runs).toBe(4);
  });

  it('runs again when the job names a time before its interval, and never later than it', async () => {
    const times: number[] = [];
    const stop = repeat(
      'test-next-time',
      async () => {
        times.push(Date.now());
        return times.length === 1 ? 40 : 60_000;
      },
      { intervalMs: 100, firstMs: 0 },
    );
    await sleep(250);
    stop();
    expect(times.length).toBeGreaterThanOrEqual(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(35);
    expect(times[1]! - times[0]!).toBeLessThan(90);
    // 60 s asked for, the interval's 100 ms given.
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(95);
  });

  it('runs again on its interval after a run that throws', async () => {
    let runs = 0;
    const stop = repeat(
      'test-failure',
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('one bad run');
      },
      { intervalMs: 10, firstMs: 0 },
    );
    await sleep(150);
    stop();
    expect(runs).toBeGreaterThan(2);
  });

  it('starts one job per name in a process', async () => {
    let runs = 0;
    const job = async () => {
      runs += 1;
    };
    const stop = repeat('test-once', job, { intervalMs: 60_000, firstMs: 0 });
    expect(repeat('test-once', job, { intervalMs: 60_000, firstMs: 0 })).toBe(stop);
    await sleep(50);
    stop();
    expect(runs).toBe(1);
  });
});
