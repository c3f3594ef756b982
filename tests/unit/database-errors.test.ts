import { describe, expect, it } from 'vitest';
import {
  databaseDownSince,
  markDatabaseDown,
  markDatabaseUp,
} from '@/lib/platform/database-availability';
import { describeDatabaseError, isDatabaseUnreachable } from '@/db/errors';
import { DatabaseLockedError } from '@/db/pglite-lock';

const url = 'postgres://app:secret@db.example:6543/site';

describe('describeDatabaseError', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, /connection refused/],
    [{ code: 'ENOTFOUND' }, /host not found/],
    [{ code: 'CONNECT_TIMEOUT' }, /timed out/],
    [{ code: '3D000' }, /does not exist/],
    [{ code: '28P01' }, /refused the credentials/],
  ])('explains %o in one line that names the server but not the password', (cause, pattern) => {
    const line = describeDatabaseError(Object.assign(new Error('x'), cause), url);
    expect(line).toMatch(pattern);
    expect(line).toContain('db.example:6543/site');
    expect(line).not.toContain('secret');
    expect(line).not.toContain('\n');
  });

  it('looks through wrapped causes and aggregate errors', () => {
    const refused = Object.assign(new Error('connect'), { code: 'ECONNREFUSED' });
    const aggregate = new AggregateError([refused], 'all failed');
    const wrapped = new Error('query failed', { cause: aggregate });
    expect(describeDatabaseError(wrapped, url)).toMatch(/connection refused/);
  });

  it('passes on a locked embedded database as it is', () => {
    const locked = new DatabaseLockedError('.data/pglite', {
      pid: 42,
      startTicks: null,
      command: 'next dev',
    });
    expect(describeDatabaseError(locked)).toBe(locked.message);
  });

  it('returns null for errors that are not about the connection', () => {
    expect(
      describeDatabaseError(Object.assign(new Error('dup'), { code: '23505' }), url),
    ).toBeNull();
  });
});

describe('isDatabaseUnreachable', () => {
  const wrapped = (code: string) =>
    new Error('Failed query: select 1', { cause: Object.assign(new Error('inner'), { code }) });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', '57P01', '08006'])(
    'counts %s, even wrapped by the query builder, as the server being out of reach',
    (code) => {
      expect(isDatabaseUnreachable(wrapped(code))).toBe(true);
    },
  );

  it('does not count a query that failed on its own', () => {
    expect(isDatabaseUnreachable(wrapped('23505'))).toBe(false);
    expect(isDatabaseUnreachable(wrapped('42P01'))).toBe(false);
    expect(isDatabaseUnreachable(new Error('no code'))).toBe(false);
    expect(isDatabaseUnreachable(null)).toBe(false);
  });
});

describe('database availability', () => {
  it('marks one outage at a time and ends it once', () => {
    expect(databaseDownSince()).toBeNull();
    expect(markDatabaseDown(1000)).toBe(true);
    expect(markDatabaseDown(2000)).toBe(false);
    expect(databaseDownSince()).toBe(1000);
    expect(markDatabaseUp()).toBe(true);
    expect(markDatabaseUp()).toBe(false);
    expect(databaseDownSince()).toBeNull();
  });
});
