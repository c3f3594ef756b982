import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createLogger, maskEmail } from '@/lib/platform/log';
import { acceptRequestId } from '@/lib/platform/request-id';

function memoryLogger() {
  const lines: string[] = [];
  const logger = createLogger({ write: (line: string) => lines.push(line) }, 'info');
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}

describe('the logger', () => {
  it('writes one JSON object a line, with level, time and msg', () => {
    const { logger, lines, records } = memoryLogger();
    logger.info({ outcome: 'processed' }, 'stripe webhook');
    logger.warn('second');
    logger.debug('below the level');
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(
      true,
    );
    const [first, second] = records();
    expect(first).toMatchObject({ level: 'info', msg: 'stripe webhook', outcome: 'processed' });
    expect(new Date(String(first!.time)).toISOString()).toBe(first!.time);
    expect(second).toMatchObject({ level: 'warn', msg: 'second' });
  });

  it('redacts passwords, tokens, card details, cookies, authorization and e-mail bodies', () => {
    const { logger, lines, records } = memoryLogger();
    const secrets = {
      password: 'correct horse battery staple',
      newPassword: 'Tr0ub4dor&3-new',
      token: 'tok_5e2f9a1c7d',
      payment: { cardNumber: '4242424242424242', cvc: '314' },
      headers: { cookie: 'authjs.session-token=eyJhbGciOi', authorization: 'Bearer sk_live_99' },
      email: { text: 'Your sign-in code is 482913', html: '<p>Your code is 482913</p>' },
    };
    logger.info({ ...secrets, user: { password: 'nested secret value' } }, 'redaction');
    const output = lines.join('');
    for (const value of [
      'correct horse',
      'Tr0ub4dor',
      'tok_5e2f9a1c7d',
      '4242424242424242',
      'eyJhbGciOi',
      'sk_live_99',
      '482913',
      'nested secret value',
    ]) {
      expect(output).not.toContain(value);
    }
    expect(records()[0]).toMatchObject({
      password: '[redacted]',
      newPassword: '[redacted]',
      token: '[redacted]',
      payment: { cardNumber: '[redacted]', cvc: '[redacted]' },
      headers: { cookie: '[redacted]', authorization: '[redacted]' },
      email: { text: '[redacted]', html: '[redacted]' },
      user: { password: '[redacted]' },
      msg: 'redaction',
    });
  });

  it('gives a child logger’s requestId to every line', () => {
    const { logger, records } = memoryLogger();
    const log = logger.child({ requestId: 'req-0123456789' });
    log.info('one');
    log.error('two');
    expect(records().map((record) => record.requestId)).toEqual([
      'req-0123456789',
      'req-0123456789',
    ]);
  });

  it('shows an error’s kind, message and stack, but not a failed query’s parameters', () => {
    const { logger, lines, records } = memoryLogger();
    logger.error({ err: new TypeError('no such thing') }, 'plain');
    const cause = Object.assign(new Error('duplicate key value'), { code: '23505' });
    const failed = new DrizzleQueryError(
      'insert into users (email) values ($1)',
      ['jane@example.org'],
      cause,
    );
    logger.error({ err: failed }, 'query');
    const [plain, query] = records();
    expect(plain!.err).toMatchObject({ type: 'TypeError', message: 'no such thing' });
    expect(String((plain!.err as { stack: string }).stack)).toContain('log.test.ts');
    expect(query!.err).toMatchObject({ message: 'duplicate key value' });
    expect(lines.join('')).not.toContain('jane@example.org');
  });
});

describe('maskEmail', () => {
  it('keeps the first letter and the domain', () => {
    expect(maskEmail('jane.doe@example.org')).toBe('j***@example.org');
    expect(maskEmail('not an address')).toBe('***');
  });
});

describe('acceptRequestId', () => {
  it('keeps a well-formed incoming id and replaces anything else', () => {
    expect(acceptRequestId('lb-7f3a9c21.0042')).toBe('lb-7f3a9c21.0042');
    for (const incoming of [
      undefined,
      'short',
      'has space in it',
      'x'.repeat(65),
      '{"a":1}',
      ['a'],
    ]) {
      expect(acceptRequestId(incoming)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
