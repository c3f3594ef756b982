import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { rateLimits } from '@/db/schema';
import {
  hitRateLimit,
  hitRateLimits,
  peekRateLimit,
  peekRateLimits,
  pruneRateLimits,
  refundRateLimit,
  resetRateLimit,
  type RateRule,
} from '@/lib/security/rate-limit';

// A moment on a whole hour, so it starts a window of every length used here.
const start = Date.parse('2030-01-01T00:00:00Z');
const at = (seconds: number) => new Date(start + seconds * 1000);

let counter = 0;
// Every test uses buckets of its own: the database is shared by the whole file.
const rule = (limit: number, windowSeconds = 60): RateRule => ({
  bucket: `test-${++counter}`,
  limit,
  windowSeconds,
});

function rowsOf(bucket: string) {
  return getDb()
    .select({
      subject: rateLimits.subject,
      hits: rateLimits.hits,
      windowStart: rateLimits.windowStart,
      expiresAt: rateLimits.expiresAt,
    })
    .from(rateLimits)
    .where(eq(rateLimits.bucket, bucket));
}

describe('hitRateLimit', () => {
  it('allows exactly the limit in a window, then refuses', async () => {
    const signIn = rule(3);
    const decisions = [];
    for (let i = 0; i < 5; i++) decisions.push(await hitRateLimit(signIn, 'a@example.org', at(10)));
    expect(decisions.map((d) => [d.allowed, d.remaining, d.retryAfterSeconds])).toEqual([
      [true, 2, 0],
      [true, 1, 0],
      [true, 0, 0],
      [false, 0, 50],
      [false, 0, 50],
    ]);
    expect(decisions[0]!.resetAt).toEqual(at(60));
  });

  it('stores windows aligned to the epoch, expiring when they end', async () => {
    const hourly = rule(5, 3600);
    await hitRateLimit(hourly, '192.0.2.1', at(3600 + 1234.5));
    expect(await rowsOf(hourly.bucket)).toEqual([
      { subject: '192.0.2.1', hits: 1, windowStart: at(3600), expiresAt: at(7200) },
    ]);
  });

  it('starts counting afresh in the next window', async () => {
    const signIn = rule(2);
    await hitRateLimit(signIn, 'a@example.org', at(1));
    await hitRateLimit(signIn, 'a@example.org', at(2));
    expect(await hitRateLimit(signIn, 'a@example.org', at(59.999))).toMatchObject({
      allowed: false,
      retryAfterSeconds: 1,
    });
    expect(await hitRateLimit(signIn, 'a@example.org', at(60))).toEqual({
      allowed: true,
      hits: 1,
      remaining: 1,
      retryAfterSeconds: 0,
      resetAt: at(120),
    });
  });

  it('keeps subjects and buckets apart', async () => {
    const first = rule(1);
    const second = rule(1);
    expect((await hitRateLimit(first, 'a@example.org', at(0))).allowed).toBe(true);
    expect((await hitRateLimit(first, 'a@example.org', at(0))).allowed).toBe(false);
    expect((await hitRateLimit(first, 'b@example.org', at(0))).allowed).toBe(true);
    expect((await hitRateLimit(second, 'a@example.org', at(0))).allowed).toBe(true);
  });

  it('counts 25 concurrent attempts exactly and allows exactly the limit', async () => {
    const checkout = rule(10);
    const decisions = await Promise.all(
      Array.from({ length: 25 }, () => hitRateLimit(checkout, '198.51.100.7', at(5))),
    );
    const allowed = decisions.filter((d) => d.allowed);
    expect(allowed).toHaveLength(10);
    expect(allowed.map((d) => d.remaining).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(decisions.filter((d) => !d.allowed).every((d) => d.retryAfterSeconds === 55)).toBe(true);
    expect((await rowsOf(checkout.bucket)).map((row) => row.hits)).toEqual([25]);
  });

  it('computes the wait in whole seconds from the given moment', async () => {
    const once = rule(1);
    await hitRateLimit(once, 'a@example.org', at(15.25));
    expect((await hitRateLimit(once, 'a@example.org', at(15.25))).retryAfterSeconds).toBe(45);
    expect((await hitRateLimit(once, 'a@example.org', at(59.5))).retryAfterSeconds).toBe(1);
    const quarterHour = rule(1, 900);
    await hitRateLimit(quarterHour, 'a@example.org', at(1000));
    expect(await hitRateLimit(quarterHour, 'a@example.org', at(1000))).toMatchObject({
      retryAfterSeconds: 800,
      resetAt: at(1800),
    });
  });

  it('hashes a 10 KB subject into a short key', async () => {
    const huge = 'x'.repeat(10_240);
    const hugeToo = `${'x'.repeat(10_239)}y`;
    const email = rule(2);
    expect((await hitRateLimit(email, huge, at(0))).remaining).toBe(1);
    expect((await hitRateLimit(email, huge, at(0))).remaining).toBe(0);
    expect((await hitRateLimit(email, huge, at(0))).allowed).toBe(false);
    expect((await hitRateLimit(email, hugeToo, at(0))).allowed).toBe(true);
    expect(await peekRateLimit(email, huge, at(0))).toMatchObject({ allowed: false });
    const subjects = (await rowsOf(email.bucket)).map((row) => row.subject);
    expect(subjects).toHaveLength(2);
    for (const subject of subjects) expect(subject).toMatch(/^sha256:[0-9a-f]{64}$/);

    const edge = 'y'.repeat(200);
    const bounded = rule(1);
    await hitRateLimit(bounded, edge, at(0));
    expect((await rowsOf(bounded.bucket)).map((row) => row.subject)).toEqual([edge]);
  });

  it('refuses a rule that could never allow anything', async () => {
    await expect(hitRateLimit({ bucket: 'bad', limit: 0, windowSeconds: 60 }, 'a')).rejects.toThrow(
      RangeError,
    );
    await expect(
      hitRateLimit({ bucket: 'bad', limit: 1, windowSeconds: 0.5 }, 'a'),
    ).rejects.toThrow(RangeError);
  });
});

describe('peekRateLimit', () => {
  it('reports the state without counting an attempt', async () => {
    const signIn = rule(2);
    expect(await peekRateLimit(signIn, 'a@example.org', at(20))).toEqual({
      allowed: true,
      hits: 0,
      remaining: 2,
      retryAfterSeconds: 0,
      resetAt: at(60),
    });
    await hitRateLimit(signIn, 'a@example.org', at(20));
    await peekRateLimit(signIn, 'a@example.org', at(20));
    expect((await peekRateLimit(signIn, 'a@example.org', at(20))).remaining).toBe(1);
    expect((await hitRateLimit(signIn, 'a@example.org', at(20))).allowed).toBe(true);
    expect(await peekRateLimit(signIn, 'a@example.org', at(30))).toEqual({
      allowed: false,
      hits: 2,
      remaining: 0,
      retryAfterSeconds: 30,
      resetAt: at(60),
    });
    expect((await rowsOf(signIn.bucket)).map((row) => row.hits)).toEqual([2]);
  });
});

describe('refundRateLimit', () => {
  it('takes back one attempt of the current window, never below none', async () => {
    const signIn = rule(2);
    await hitRateLimit(signIn, 'refund@example.org', at(10));
    await hitRateLimit(signIn, 'refund@example.org', at(11));
    await refundRateLimit(signIn, 'refund@example.org', at(12));
    expect((await hitRateLimit(signIn, 'refund@example.org', at(13))).allowed).toBe(true);
    await refundRateLimit(signIn, 'refund@example.org', at(14));
    await refundRateLimit(signIn, 'refund@example.org', at(14));
    await refundRateLimit(signIn, 'refund@example.org', at(14));
    expect((await peekRateLimit(signIn, 'refund@example.org', at(15))).hits).toBe(0);
  });
});

describe('peekRateLimits', () => {
  it('reports the most restrictive of several rules without counting', async () => {
    const tight = rule(1);
    const loose = rule(5);
    await hitRateLimit(tight, 'both@example.org', at(0));
    const decision = await peekRateLimits(
      [
        { rule: loose, subject: 'both@example.org' },
        { rule: tight, subject: 'both@example.org' },
      ],
      at(30),
    );
    expect(decision).toMatchObject({ allowed: false, retryAfterSeconds: 30 });
    expect((await rowsOf(loose.bucket)).length).toBe(0);
  });
});

describe('resetRateLimit', () => {
  it("clears one subject's counter and no other", async () => {
    const signIn = rule(1);
    await hitRateLimit(signIn, 'a@example.org', at(0));
    await hitRateLimit(signIn, 'b@example.org', at(0));
    await resetRateLimit(signIn, 'a@example.org');
    expect((await hitRateLimit(signIn, 'a@example.org', at(0))).allowed).toBe(true);
    expect((await hitRateLimit(signIn, 'b@example.org', at(0))).allowed).toBe(false);
  });
});

describe('pruneRateLimits', () => {
  it('deletes only the rows of windows that have ended', async () => {
    // Earlier than every other test's windows, so only this test's rows can have expired.
    const early = (seconds: number) =>
      new Date(Date.parse('2020-01-01T00:00:00Z') + seconds * 1000);
    const old = rule(5);
    const hourly = rule(5, 3600);
    await hitRateLimit(old, 'ended', early(10));
    await hitRateLimit(old, 'current', early(70));
    await hitRateLimit(hourly, 'current', early(10));
    expect(await pruneRateLimits(early(60))).toBe(1);
    expect(await pruneRateLimits(early(60))).toBe(0);
    expect((await rowsOf(old.bucket)).map((row) => row.subject)).toEqual(['current']);
    expect((await peekRateLimit(hourly, 'current', early(60))).remaining).toBe(4);
  });
});

describe('hitRateLimits', () => {
  it('refuses when either the account or the IP is over its limit', async () => {
    const perAccount = rule(3, 900);
    const perIp = rule(5, 60);
    const attempt = (email: string, seconds: number) =>
      hitRateLimits(
        [
          { rule: perAccount, subject: email },
          { rule: perIp, subject: '203.0.113.9' },
        ],
        at(seconds),
      );
    expect(await attempt('a@example.org', 0)).toMatchObject({ allowed: true, remaining: 2 });
    await attempt('a@example.org', 0);
    await attempt('a@example.org', 0);
    // The account is spent (resets at 900 s), the IP still has two attempts.
    expect(await attempt('a@example.org', 30)).toEqual({
      allowed: false,
      hits: 4,
      remaining: 0,
      retryAfterSeconds: 870,
      resetAt: at(900),
    });
    // The refused attempt still counted against the IP: one left, the fewest of the two.
    expect(await attempt('b@example.org', 30)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await attempt('c@example.org', 30)).toEqual({
      allowed: false,
      hits: 6,
      remaining: 0,
      retryAfterSeconds: 30,
      resetAt: at(60),
    });
    // Both refuse: the longer wait wins.
    expect((await attempt('a@example.org', 40)).retryAfterSeconds).toBe(860);
  });

  it('needs at least one check', async () => {
    await expect(hitRateLimits([])).rejects.toThrow(RangeError);
  });
});
