import { describe, expect, it } from 'vitest';
import { fromLondonInput, toLondonInput } from '@/lib/time/london';

describe('London wall time for scheduling', () => {
  it('reads winter times as GMT and summer times as BST', () => {
    expect(fromLondonInput('2026-12-03T09:00')?.toISOString()).toBe('2026-12-03T09:00:00.000Z');
    expect(fromLondonInput('2027-07-01T09:00')?.toISOString()).toBe('2027-07-01T08:00:00.000Z');
  });

  it('settles the days the clocks change', () => {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST, so 01:30 never happens; 03:00 is BST.
    expect(fromLondonInput('2026-03-29T00:30')?.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(fromLondonInput('2026-03-29T01:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(fromLondonInput('2026-03-29T03:00')?.toISOString()).toBe('2026-03-29T02:00:00.000Z');
    // 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:30 happens twice; the GMT one is taken.
    expect(fromLondonInput('2026-10-25T00:30')?.toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(fromLondonInput('2026-10-25T01:30')?.toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(fromLondonInput('2026-10-25T02:30')?.toISOString()).toBe('2026-10-25T02:30:00.000Z');
  });

  it('refuses what is not a datetime-local value or names no day', () => {
    for (const value of [
      '',
      'tomorrow',
      '2026-02-30T09:00',
      '2026-13-01T09:00',
      '2026-01-01T24:00',
      '2026-01-01 09:00',
    ]) {
      expect(fromLondonInput(value)).toBeNull();
    }
  });

  it('writes an instant back as the London clock shows it', () => {
    expect(toLondonInput(new Date('2026-12-03T09:00:00Z'))).toBe('2026-12-03T09:00');
    expect(toLondonInput(new Date('2027-07-01T08:00:59Z'))).toBe('2027-07-01T09:00');
    expect(toLondonInput(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25T00:30');
    for (const value of ['2026-06-15T23:45', '2026-01-01T00:00', '2026-11-18T12:05']) {
      expect(toLondonInput(fromLondonInput(value)!)).toBe(value);
    }
  });
});
