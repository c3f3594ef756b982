import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/platform/env';

function problemsOf(source: Record<string, string>) {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems.map((p) => p.variable);
  }
  throw new Error('expected the environment to be rejected');
}

describe('parseEnv', () => {
  it('runs on an empty environment with the embedded database and sensible defaults', () => {
    const env = parseEnv({});
    expect(env.database).toEqual({ engine: 'pglite', dataDir: '.data/pglite' });
    expect(env.DONATION_CURRENCY).toBe('GBP');
    expect(env.siteUrl).toBe('http://localhost:3000');
    expect(env.NODE_ENV).toBe('development');
    expect(env.LOG_LEVEL).toBe('info');
  });

  it('gives the charity’s registered details, placeholders unless set', () => {
    expect(parseEnv({})).toMatchObject({
      CHARITY_NAME: 'Northgate Institute for Public Policy',
      CHARITY_NUMBER: '1234567',
      CHARITY_ADDRESS: 'Northgate House, 1 Example Street, London',
    });
    expect(
      parseEnv({
        CHARITY_NAME: ' The Orton Trust ',
        CHARITY_NUMBER: 'SC012345',
        CHARITY_ADDRESS: '4 Quay Street, Leith, Edinburgh EH6 6LX',
      }),
    ).toMatchObject({
      CHARITY_NAME: 'The Orton Trust',
      CHARITY_NUMBER: 'SC012345',
      CHARITY_ADDRESS: '4 Quay Street, Leith, Edinburgh EH6 6LX',
    });
  });

  it('gives a company number, placeholder unless set, and none for a charity that is not a company', () => {
    expect(parseEnv({})).toMatchObject({
      COMPANY_NUMBER: '19283746',
      PRIVACY_EMAIL: 'privacy@northgate.example',
    });
    expect(parseEnv({ COMPANY_NUMBER: ' sc123456 ' }).COMPANY_NUMBER).toBe('SC123456');
    expect(parseEnv({ COMPANY_NUMBER: 'none' }).COMPANY_NUMBER).toBeNull();
    expect(parseEnv({ PRIVACY_EMAIL: 'dpo@orton.example' }).PRIVACY_EMAIL).toBe(
      'dpo@orton.example',
    );
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const env = parseEnv({ DATABASE_URL: 'postgres://u:p@db.internal:5432/site' });
    expect(env.database).toEqual({
      engine: 'postgres',
      url: 'postgres://u:p@db.internal:5432/site',
    });
  });

  it('runs the background jobs in the web process with the embedded database, in a worker with PostgreSQL, unless told', () => {
    const postgres = 'postgres://u:p@db.example.org:5432/site';
    expect(parseEnv({}).jobsInWeb).toBe(true);
    expect(parseEnv({ DATABASE_URL: postgres }).jobsInWeb).toBe(false);
    expect(parseEnv({ DATABASE_URL: postgres, JOBS: 'web' }).jobsInWeb).toBe(true);
    expect(parseEnv({ JOBS: 'worker' }).jobsInWeb).toBe(false);
    expect(problemsOf({ JOBS: 'cron' })).toEqual(['JOBS']);
  });

  it('takes a Redis URL and key prefix for the shared data cache', () => {
    const env = parseEnv({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: 'site-a:' });
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(parseEnv({}).REDIS_PREFIX).toBe('northgate:');
    expect(problemsOf({ REDIS_URL: 'http://127.0.0.1:6379' })).toEqual(['REDIS_URL']);
    expect(problemsOf({ REDIS_PREFIX: 'has space' })).toEqual(['REDIS_PREFIX']);
  });

  it('treats empty strings as unset', () => {
    const env = parseEnv({ DATABASE_URL: '', STRIPE_SECRET_KEY: '', PGLITE_DATA_DIR: '' });
    expect(env.database.engine).toBe('pglite');
    expect(env.STRIPE_SECRET_KEY).toBeUndefined();
  });

  it('builds the site URL from PORT and strips a trailing slash from SITE_URL', () => {
    expect(parseEnv({ PORT: '4100' }).siteUrl).toBe('http://localhost:4100');
    expect(parseEnv({ SITE_URL: 'https://think.example/' }).siteUrl).toBe('https://think.example');
  });

  it('normalises the donation currency and rejects unknown ones', () => {
    expect(parseEnv({ DONATION_CURRENCY: 'eur' }).DONATION_CURRENCY).toBe('EUR');
    expect(problemsOf({ DONATION_CURRENCY: 'XYZ' })).toEqual(['DONATION_CURRENCY']);
  });

  it.each([
    ['DATABASE_URL', 'mysql://root@localhost/site'],
    ['DATABASE_URL', 'not a url'],
    ['SITE_URL', 'ftp://example.org'],
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['AUTH_SECRET', 'short'],
    ['STRIPE_SECRET_KEY', 'pk_test_123'],
    ['STRIPE_WEBHOOK_SECRET', 'secret'],
    ['STRIPE_API_BASE_URL', 'localhost:12111'],
    ['EMAIL_SERVER', 'http://mail.example.org'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'loud'],
    ['CHARITY_NUMBER', 'no. 1234567!'],
    ['CHARITY_NAME', '   '],
    ['COMPANY_NUMBER', '1234567'],
    ['PRIVACY_EMAIL', 'privacy'],
  ])('names %s when it is malformed (%s)', (variable, value) => {
    expect(problemsOf({ [variable]: value })).toEqual([variable]);
  });

  it('requires AUTH_SECRET for a production deployment on PostgreSQL', () => {
    expect(problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/site' })).toEqual([
      'AUTH_SECRET',
    ]);
    expect(() =>
      parseEnv({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/site',
        AUTH_SECRET: 'x'.repeat(32),
      }),
    ).not.toThrow();
  });

  it('reports every bad variable in one line, without echoing secrets', () => {
    let message = '';
    try {
      parseEnv({ DATABASE_URL: 'mysql://root:hunter2hunter2@db/site', SITE_URL: 'nope' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('SITE_URL');
    expect(message).not.toContain('hunter2');
    expect(message.split('\n')).toHaveLength(1);
  });
});
