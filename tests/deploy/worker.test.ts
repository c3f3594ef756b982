import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, databaseUrl, dropDatabase } from '../setup/postgres-server';
import { smtpServerForThisFile } from '../support/smtp-server';

/**
 * `npm run worker` as a deployment runs it (node dist/worker.js), two at once beside a site on
 * PostgreSQL: every queued e-mail goes out once, a scheduled piece goes live at its time, and
 * both stop cleanly when told to.
 */
const root = path.resolve(import.meta.dirname, '../..');
let database: string;
let sql: postgres.Sql;
const smtp = await smtpServerForThisFile();
const env = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: 'production' as const,
  DATABASE_URL: databaseUrl(database),
  AUTH_SECRET: 'a secret the worker is started with in production',
  EMAIL_SERVER: smtp.url,
  EMAIL_FROM: 'Northgate <no-reply@example.org>',
  LOG_LEVEL: 'warn',
});

beforeAll(async () => {
  await smtp.up();
  database = await createDatabase('northgate_worker');
  const migrated = spawnSync(process.execPath, ['dist/db-migrate.js'], {
    cwd: root,
    env: env(),
    encoding: 'utf8',
  });
  expect(migrated.status, migrated.stderr).toBe(0);
  sql = postgres(databaseUrl(database), { max: 2, onnotice: () => {} });
});

afterAll(async () => {
  await sql?.end();
  if (database) await dropDatabase(database);
  await smtp.down();
});

function startWorker(): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['dist/worker.js'], {
    cwd: root,
    env: env(),
    stdio: 'ignore',
  });
  return { child, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

describe('the worker', () => {
  it('refuses the embedded database, whose jobs the web process runs', () => {
    const refused = spawnSync(process.execPath, ['dist/worker.js'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', PGLITE_DATA_DIR: 'memory://' },
      encoding: 'utf8',
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Set DATABASE_URL to run a worker');
  });

  it('delivers each queued e-mail once and publishes a scheduled piece at its time, two at once', async () => {
    const recipients = Array.from({ length: 12 }, (_, index) => `reader-${index}@example.org`);
    for (const recipient of recipients) {
      await sql`insert into email_outbox (purpose, recipient, subject, text)
        values ('sign_in_link', ${recipient}, 'Your sign-in link', 'Follow the link.')`;
    }
    const goesLive = new Date(Date.now() + 4_000);
    await sql`insert into articles (slug, title, status, published_at)
      values ('goes-live-on-time', 'Goes live on time', 'scheduled', ${goesLive})`;

    const workers = [startWorker(), startWorker()];
    await expect
      .poll(() => smtp.received.length, { timeout: 60_000, interval: 250 })
      .toBe(recipients.length);
    for (const recipient of recipients) expect(smtp.to(recipient)).toHaveLength(1);

    await expect
      .poll(
        async () =>
          (await sql`select status from articles where slug = 'goes-live-on-time'`)[0]!.status,
        { timeout: 20_000, interval: 100 },
      )
      .toBe('published');
    // At its time: the worker wakes for it rather than at its next round of the schedule.
    const [row] = await sql<{ lateBy: number }[]>`
      select extract(epoch from audit_log.created_at - articles.published_at)::float as "lateBy"
      from audit_log join articles on audit_log.subject_id = articles.id::text
      where articles.slug = 'goes-live-on-time' and audit_log.actor_id is null`;
    expect(row!.lateBy).toBeGreaterThanOrEqual(0);
    expect(row!.lateBy).toBeLessThan(2);

    for (const { child } of workers) child.kill('SIGTERM');
    expect(await Promise.all(workers.map(({ exited }) => exited))).toEqual([0, 0]);
    expect(smtp.received).toHaveLength(recipients.length);
  });
});
