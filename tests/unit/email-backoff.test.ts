import { describe, expect, it } from 'vitest';
import { maxAttempts, retryDelayMs } from '@/lib/email/outbox';

const minutes = (ms: number) => ms / 60_000;

describe('retryDelayMs', () => {
  it('doubles from a minute up to an hour', () => {
    const middle = () => 0.5;
    const schedule = Array.from({ length: 9 }, (_, index) => retryDelayMs(index + 1, middle));
    expect(schedule.map(minutes)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(minutes(retryDelayMs(1_000, middle))).toBe(60);
  });

  it('spreads each wait by up to a fifth either way', () => {
    expect(minutes(retryDelayMs(3, () => 0))).toBeCloseTo(4 * 0.8);
    expect(minutes(retryDelayMs(3, () => 1))).toBeCloseTo(4 * 1.2);
    expect(minutes(retryDelayMs(20, () => 0.999))).toBeLessThanOrEqual(72);
  });

  it('keeps trying for about a day before giving up', () => {
    let total = 0;
    for (let attempt = 1; attempt < maxAttempts; attempt += 1) {
      total += retryDelayMs(attempt, () => 0.5);
    }
    expect(total / 3_600_000).toBeGreaterThan(20);
    expect(total / 3_600_000).toBeLessThan(28);
  });
});
