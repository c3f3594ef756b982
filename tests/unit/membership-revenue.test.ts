import { describe, expect, it } from 'vitest';
import { lastTwelveMonths, revenueByMonth } from '@/lib/membership/admin-reads';
import { grantEnd } from '@/lib/membership/grants';

const at = (iso: string) => new Date(iso);

describe('grantEnd', () => {
  it('ends a grant the same time that many months later, on the month’s last day when shorter', () => {
    expect(grantEnd(at('2026-12-03T10:00:00Z'), 1)).toEqual(at('2027-01-03T10:00:00Z'));
    expect(grantEnd(at('2026-12-03T10:00:00Z'), 12)).toEqual(at('2027-12-03T10:00:00Z'));
    expect(grantEnd(at('2027-01-31T10:00:00Z'), 1)).toEqual(at('2027-02-28T10:00:00Z'));
  });
});

describe('lastTwelveMonths', () => {
  it('counts back across the year, by the London calendar', () => {
    const months = lastTwelveMonths(at('2026-12-03T12:00:00Z'));
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-01');
    expect(months.at(-1)).toBe('2026-12');
    // Half past midnight on 1 March in London is still February in UTC, but March here.
    expect(lastTwelveMonths(at('2027-02-28T23:30:00Z')).at(-1)).toBe('2027-02');
    expect(lastTwelveMonths(at('2027-03-31T23:30:00Z')).at(-1)).toBe('2027-04');
  });
});

describe('revenueByMonth', () => {
  const paid = {
    status: 'active' as const,
    currency: 'GBP',
    trialEnd: null,
    endedAt: null,
  };
  const rows = [
    {
      ...paid,
      startedAt: at('2026-01-10T00:00:00Z'),
      amountMinor: 1_000,
      interval: 'month' as const,
    },
    {
      ...paid,
      startedAt: at('2026-02-10T00:00:00Z'),
      amountMinor: 12_000,
      interval: 'year' as const,
    },
    {
      ...paid,
      status: 'canceled' as const,
      startedAt: at('2026-01-05T00:00:00Z'),
      endedAt: at('2026-02-20T00:00:00Z'),
      amountMinor: 2_000,
      interval: 'month' as const,
    },
    {
      ...paid,
      startedAt: at('2026-02-25T00:00:00Z'),
      trialEnd: at('2026-03-10T00:00:00Z'),
      amountMinor: 500,
      interval: 'month' as const,
    },
    {
      ...paid,
      status: 'incomplete' as const,
      startedAt: at('2026-01-01T00:00:00Z'),
      amountMinor: 9_999,
      interval: 'month' as const,
    },
    {
      ...paid,
      currency: 'EUR',
      startedAt: at('2026-01-01T00:00:00Z'),
      amountMinor: 700,
      interval: 'month' as const,
    },
  ];

  it('sums monthly equivalents at each month’s end, leaving out trials and unpaid starts', () => {
    const [eur, gbp] = revenueByMonth(
      rows,
      ['2026-01', '2026-02', '2026-03'],
      at('2026-03-15T00:00:00Z'),
    );
    expect(eur?.currency).toBe('EUR');
    expect(gbp?.months.map((m) => m.mrrMinor)).toEqual([3_000, 2_000, 2_500]);
  });

  it('counts joins, endings and churn against those running at the month’s start', () => {
    const [, gbp] = revenueByMonth(
      rows,
      ['2026-01', '2026-02', '2026-03'],
      at('2026-03-15T00:00:00Z'),
    );
    expect(
      gbp?.months.map(({ joined, ended, atStart, churn }) => ({ joined, ended, atStart, churn })),
    ).toEqual([
      { joined: 2, ended: 0, atStart: 0, churn: null },
      { joined: 2, ended: 1, atStart: 2, churn: 0.5 },
      { joined: 0, ended: 0, atStart: 3, churn: 0 },
    ]);
  });
});
