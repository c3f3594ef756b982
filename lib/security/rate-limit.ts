import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { rateLimits } from '@/db/schema';

// Fixed windows aligned to the epoch: every process agrees on a window from the clock alone,
// one row per window keeps counting a single atomic upsert, and tests can pin each boundary.
// The cost is a burst of up to twice the limit across a boundary, acceptable for throttles
// whose job is to make guessing slow rather than to meter exactly.
//
// Subjects are normalised by the caller: e-mail addresses lower-cased, IP addresses as strings,
// account ids as they are. Never pass a password, token or other secret as a subject.

export interface RateRule {
  /** What is throttled and by what, e.g. 'sign-in:ip'. */
  bucket: string;
  /** Attempts allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Attempts counted in this window, this one included (none, for a peek). */
  hits: number;
  /** Attempts left in this window after this one (after none, for a peek). */
  remaining: number;
  /** Whole seconds until the window resets: 0 when allowed, at least 1 when not. */
  retryAfterSeconds: number;
  resetAt: Date;
}

export interface RateCheck {
  rule: RateRule;
  subject: string;
}

const maxSubjectLength = 200;

// Keeps keys small whatever a caller passes; the prefix keeps a hash from colliding with a
// subject that happens to be 64 hex digits.
function subjectKey(subject: string): string {
  if (subject.length <= maxSubjectLength) return subject;
  return `sha256:${createHash('sha256').update(subject).digest('hex')}`;
}

function windowOf(rule: RateRule, now: Date): { start: Date; end: Date } {
  if (!Number.isInteger(rule.limit) || rule.limit < 1) {
    throw new RangeError(`Rate limit ${rule.bucket}: limit must be a positive integer`);
  }
  if (!Number.isInteger(rule.windowSeconds) || rule.windowSeconds < 1) {
    throw new RangeError(`Rate limit ${rule.bucket}: windowSeconds must be a positive integer`);
  }
  const length = rule.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / length) * length;
  return { start: new Date(start), end: new Date(start + length) };
}

// `allowed` says whether the attempt counted in `hits` (the last one) is within the limit.
function decide(
  rule: RateRule,
  hits: number,
  allowed: boolean,
  end: Date,
  now: Date,
): RateDecision {
  const untilReset = Math.ceil((end.getTime() - now.getTime()) / 1000);
  return {
    allowed,
    hits,
    remaining: Math.max(0, rule.limit - hits),
    retryAfterSeconds: allowed ? 0 : Math.max(1, untilReset),
    resetAt: end,
  };
}

/** Counts one attempt and says whether it is within the limit. */
export async function hitRateLimit(
  rule: RateRule,
  subject: string,
  now = new Date(),
): Promise<RateDecision> {
  const { start, end } = windowOf(rule, now);
  // One statement, so concurrent attempts each get a distinct count and none is lost.
  const [row] = await getDb()
    .insert(rateLimits)
    .values({
      bucket: rule.bucket,
      subject: subjectKey(subject),
      windowStart: start,
      hits: 1,
      expiresAt: end,
    })
    .onConflictDoUpdate({
      target: [rateLimits.bucket, rateLimits.subject, rateLimits.windowStart],
      set: { hits: sql`${rateLimits.hits} + 1` },
    })
    .returning({ hits: rateLimits.hits });
  const hits = row?.hits ?? 1;
  return decide(rule, hits, hits <= rule.limit, end, now);
}

/** Checks without counting: whether an attempt now would be allowed, and when to retry. */
export async function peekRateLimit(
  rule: RateRule,
  subject: string,
  now = new Date(),
): Promise<RateDecision> {
  const { start, end } = windowOf(rule, now);
  const [row] = await getDb()
    .select({ hits: rateLimits.hits })
    .from(rateLimits)
    .where(
      and(
        eq(rateLimits.bucket, rule.bucket),
        eq(rateLimits.subject, subjectKey(subject)),
        eq(rateLimits.windowStart, start),
      ),
    );
  const hits = row?.hits ?? 0;
  return decide(rule, hits, hits < rule.limit, end, now);
}

/** Checks every rule without counting, and returns the most restrictive decision. */
export async function peekRateLimits(checks: RateCheck[], now = new Date()): Promise<RateDecision> {
  if (checks.length === 0) throw new RangeError('peekRateLimits needs at least one check');
  const decisions = await Promise.all(
    checks.map(({ rule, subject }) => peekRateLimit(rule, subject, now)),
  );
  return decisions.reduce(moreRestrictive);
}

/**
 * Takes back one attempt counted in the current window, as when the attempt turned out to be a
 * person's successful sign-in: only failures should use up a shared address's budget, yet every
 * attempt must be counted as it starts, or attempts made at the same moment would all pass.
 */
export async function refundRateLimit(
  rule: RateRule,
  subject: string,
  now = new Date(),
): Promise<void> {
  const { start } = windowOf(rule, now);
  await getDb()
    .update(rateLimits)
    .set({ hits: sql`greatest(${rateLimits.hits} - 1, 0)` })
    .where(
      and(
        eq(rateLimits.bucket, rule.bucket),
        eq(rateLimits.subject, subjectKey(subject)),
        eq(rateLimits.windowStart, start),
      ),
    );
}

/** Clears a subject's counter in every window, e.g. after a successful sign-in. */
export async function resetRateLimit(rule: RateRule, subject: string): Promise<void> {
  await getDb()
    .delete(rateLimits)
    .where(and(eq(rateLimits.bucket, rule.bucket), eq(rateLimits.subject, subjectKey(subject))));
}

/** Deletes the rows of windows that have ended; returns how many. */
export async function pruneRateLimits(now = new Date()): Promise<number> {
  const deleted = await getDb()
    .delete(rateLimits)
    .where(lte(rateLimits.expiresAt, now))
    .returning({ bucket: rateLimits.bucket });
  return deleted.length;
}

// Refused beats allowed; among refusals the longest wait wins, among allowances the fewest left.
function moreRestrictive(a: RateDecision, b: RateDecision): RateDecision {
  if (a.allowed !== b.allowed) return a.allowed ? b : a;
  if (!a.allowed) return b.retryAfterSeconds > a.retryAfterSeconds ? b : a;
  return b.remaining < a.remaining ? b : a;
}

/**
 * Counts one attempt against every rule (say per account and per IP) and returns the most
 * restrictive decision. Every rule counts even when another refuses, so an attacker's refused
 * attempts still use up the other budgets.
 */
export async function hitRateLimits(checks: RateCheck[], now = new Date()): Promise<RateDecision> {
  if (checks.length === 0) throw new RangeError('hitRateLimits needs at least one check');
  const decisions: RateDecision[] = [];
  for (const { rule, subject } of checks) decisions.push(await hitRateLimit(rule, subject, now));
  return decisions.reduce(moreRestrictive);
}
