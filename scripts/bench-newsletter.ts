// Newsletter sending at scale: one issue to N generated subscribers (default 50,000) through the
// real sending code (lib/newsletters/delivery.ts) in a process of its own, to an SMTP capture in
// this one. Prints messages per second, the sender's memory over time, and recipients expected
// against delivered; then sends a second issue while killing the sender (SIGKILL) twice at
// random points, restarting it each time, and checks that everyone got it and nobody got two
// different messages. With a production build (dist/server.js) it also serves pages from the
// same database and prints their latency before and during the first send. Figures only:
// nothing here asserts a timing. Exits 1 when a recipient was skipped or got two different
// Message-IDs, or when the rows do not add up.
//
// The engine is PostgreSQL (a database of the run's own on 127.0.0.1:5432, dropped at the end):
// the embedded PGlite allows one process, and the kill test needs a sender process apart from
// this one and the site's.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { closeConnection, getConnection, getDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { newsletterDeliveries, newsletterIssues } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed';
import { BenchError } from './bench/build';
import { treeRssMib } from './bench/memory';
import { choosePieces, createReaders, startIssue } from './bench/newsletter-readers';
import { probePages, type PageFigures } from './bench/page-latency';
import { onCleanUp, progress, runBench } from './bench/runner';
import { countCapture, startSmtpCapture, type CaptureTally } from './bench/smtp-capture';
import { startServer } from './lib/next-server';
import { createDatabase, databaseUrl, dropDatabase } from '../tests/setup/postgres-server';

const root = path.resolve(import.meta.dirname, '..');
const senderScript = path.join(root, 'scripts/bench/newsletter-sender.ts');

function wholeNumber(name: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new BenchError(`--${name} takes a whole number, ${min} or more (got "${raw}")`);
  }
  return value;
}

const n = (value: number) => value.toLocaleString('en-GB');
const secondsSince = (start: number) => (performance.now() - start) / 1000;

interface SenderRun {
  child: ChildProcess;
  rss: { at: number; mib: number }[];
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

/** Starts the sending process (scripts/bench/newsletter-sender.ts) and samples its RSS every second. */
function startSender(env: Record<string, string>, concurrency: number, since: number): SenderRun {
  const child = spawn(
    process.execPath,
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      senderScript,
      '--concurrency',
      String(concurrency),
    ],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const rss: SenderRun['rss'] = [];
  const sample = () => {
    const mib = treeRssMib(child.pid!);
    if (mib > 0) rss.push({ at: secondsSince(since), mib });
  };
  const timer = setInterval(sample, 1000);
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  onCleanUp(stop);
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    output: string;
  }>((resolve) =>
    child.once('exit', (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, output });
    }),
  );
  return { child, rss, exited };
}

/** The last sender's own count, from the line it prints as it exits. */
function senderSummary(output: string): string {
  const line = output.trim().split('\n').at(-1) ?? '';
  try {
    const total = JSON.parse(line) as Record<string, number>;
    return Object.entries(total)
      .map(([key, value]) => `${key} ${n(value)}`)
      .join(', ');
  } catch {
    return 'no summary printed';
  }
}

/** RSS at every tenth of the run (by time), as "12 s 140". */
function memorySeries(samples: { at: number; mib: number }[]): string {
  if (!samples.length) return 'no samples';
  const marks: string[] = [];
  const end = samples.at(-1)!.at;
  for (let tenth = 0; tenth <= 10; tenth += 1) {
    const at = (end * tenth) / 10;
    const sample = samples.find((s) => s.at >= at - 0.001) ?? samples.at(-1)!;
    marks.push(`${sample.at.toFixed(0)} s ${sample.mib.toFixed(0)}`);
  }
  const peak = Math.max(...samples.map((s) => s.mib));
  return `${marks.join(' → ')} MiB; peak ${peak.toFixed(0)} MiB (${samples.length} samples, 1 s apart)`;
}

async function issueRows(issueId: string): Promise<Record<string, number>> {
  const rows = await getDb()
    .select({ status: newsletterDeliveries.status, n: sql<number>`count(*)::int` })
    .from(newsletterDeliveries)
    .where(eq(newsletterDeliveries.issueId, issueId))
    .groupBy(newsletterDeliveries.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

async function issueStatus(issueId: string): Promise<string> {
  const [row] = await getDb()
    .select({ status: newsletterIssues.status })
    .from(newsletterIssues)
    .where(eq(newsletterIssues.id, issueId));
  return row?.status ?? 'missing';
}

async function expectedAddresses(issueId: string): Promise<Set<string>> {
  const rows = await getDb()
    .select({ email: newsletterDeliveries.email })
    .from(newsletterDeliveries)
    .where(
      and(eq(newsletterDeliveries.issueId, issueId), eq(newsletterDeliveries.status, 'queued')),
    );
  return new Set(rows.map((row) => row.email));
}

/** What the capture and the database say of one issue's run, as report lines; and any problem. */
async function settle(
  issueId: string,
  tally: CaptureTally,
  expected: Set<string>,
): Promise<{ lines: string[]; problems: string[] }> {
  const counts = countCapture(tally, expected);
  const rows = await issueRows(issueId);
  const status = await issueStatus(issueId);
  const delivered = expected.size - counts.missing;
  const lines = [
    `recipients         expected ${n(expected.size)} / delivered ${n(delivered)} ` +
      `(skipped ${n(counts.missing)}, not expected ${n(counts.unexpected)})`,
    `messages           ${n(counts.messages)} received; extra by address ${n(counts.extraByAddress)}, ` +
      `by Message-ID ${n(counts.extraByMessageId)}; ` +
      `recipients with two different Message-IDs ${n(counts.addressesWithTwoIds)}`,
    `database           ${Object.entries(rows)
      .map(([key, value]) => `${key} ${n(value)}`)
      .join(', ')}; issue ${status}`,
  ];
  const problems = [
    counts.missing ? `${counts.missing} recipients were skipped` : '',
    counts.addressesWithTwoIds
      ? `${counts.addressesWithTwoIds} recipients got two different Message-IDs`
      : '',
    counts.unexpected ? `${counts.unexpected} addresses got mail they were not sent` : '',
    (rows.sent ?? 0) !== expected.size ? `${rows.sent ?? 0} rows sent of ${expected.size}` : '',
    status !== 'sent' ? `the issue is ${status}, not sent` : '',
  ].filter(Boolean);
  return { lines, problems };
}

/**
 * After a sender was killed: the rows it left leased, how many of them the capture had already
 * received (handed over, not recorded), and their lease ended, as a line of the report.
 */
async function endDeadLeases(issueId: string, tally: CaptureTally): Promise<string> {
  // The dead sender's connection may still be finishing its last statement.
  await new Promise((resolve) => setTimeout(resolve, 500));
  // Rows whose lease still runs are the dead sender's: nothing else sends, and an earlier
  // sender's leases were ended here.
  const deadLeases = and(
    eq(newsletterDeliveries.issueId, issueId),
    eq(newsletterDeliveries.status, 'sending'),
    sql`${newsletterDeliveries.nextAttemptAt} > now()`,
  );
  const leased = await getDb()
    .select({ email: newsletterDeliveries.email })
    .from(newsletterDeliveries)
    .where(deadLeases);
  const handedOver = leased.filter((row) => tally.byAddress.has(row.email)).length;
  // A real operator waits for the ten-minute lease to run out; the bench ends it now.
  await getDb()
    .update(newsletterDeliveries)
    .set({ nextAttemptAt: sql`now()` })
    .where(deadLeases);
  return (
    `${n(leased.length)} rows left leased, ${handedOver} of them already received ` +
    '(handed over, not recorded); the bench moved their next_attempt_at to now(), ' +
    'as the lease running out would'
  );
}

function throughput(tally: CaptureTally, started: number, ended: number): string[] {
  const wall = (ended - started) / 1000;
  const window = (tally.lastAt - tally.firstAt) / 1000;
  return [
    `elapsed            ${wall.toFixed(1)} s from the sender's start to its exit; ` +
      `${window.toFixed(1)} s from the first message to the last`,
    `messages/s         ${(tally.messages / wall).toFixed(0)} over the whole run, ` +
      `${(tally.messages / Math.max(window, 0.001)).toFixed(0)} first to last message`,
  ];
}

function formatPages(before: PageFigures[], during: PageFigures[], perSecond: number): string[] {
  const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(1));
  const cell = (f: PageFigures) =>
    `${String(f.requests).padStart(5)} ${ms(f.p50).padStart(7)} ${ms(f.p95).padStart(7)} ${String(f.errors).padStart(4)}`;
  const width = Math.max(...before.map((f) => f.name.length));
  return [
    `${''.padEnd(width)}  ${'before the send'.padEnd(26)}  during run 1`,
    `${'page'.padEnd(width)}  ${'reqs  p50 ms  p95 ms  err'.padStart(26)}  ${'reqs  p50 ms  p95 ms  err'.padStart(26)}`,
    ...before.map(
      (f, i) =>
        `${f.name.padEnd(width)}  ${cell(f).padStart(26)}  ${cell(during[i]!).padStart(26)}`,
    ),
    `(${perSecond} requests a second per page, one at a time; errors: not 200, failed or over 10 s)`,
  ];
}

const searchWords = [
  'energy',
  'tax',
  'housing',
  'defence',
  'trade',
  'climate',
  'health',
  'schools',
  'budget',
  'prices',
  'china',
  'europe',
  'welfare',
  'water',
  'transport',
  'migration',
  'pensions',
  'security',
  'debt',
  'growth',
];
const anyWord = () => searchWords[Math.floor(Math.random() * searchWords.length)]!;

async function main(): Promise<void> {
  const options = {
    subscribers: { type: 'string', default: '50000' },
    batch: { type: 'string', default: '200' },
    rate: { type: 'string', default: '0' },
    concurrency: { type: 'string', default: '4' },
    kills: { type: 'string', default: '2' },
    'page-rate': { type: 'string', default: '4' },
    'no-pages': { type: 'boolean', default: false },
  } as const;
  const { values } = (() => {
    try {
      return parseArgs({ options });
    } catch (error) {
      throw new BenchError(
        `${(error as Error).message} (options: --subscribers N, --batch N, --rate N, ` +
          '--concurrency N, --kills N, --page-rate N, --no-pages)',
      );
    }
  })();
  const subscribers = wholeNumber('subscribers', values.subscribers, 100);
  const batch = wholeNumber('batch', values.batch, 1);
  const rate = wholeNumber('rate', values.rate, 0);
  const concurrency = wholeNumber('concurrency', values.concurrency, 1);
  const kills = wholeNumber('kills', values.kills, 0);
  const pageRate = wholeNumber('page-rate', values['page-rate'], 1);

  const database = await createDatabase('northgate_bench_newsletter');
  onCleanUp(() => dropDatabase(database));
  const capture = await startSmtpCapture();
  onCleanUp(() => capture.close());
  const benchRss = () => process.memoryUsage.rss() / 1024 / 1024;
  let benchPeak = 0;
  const benchMemory = setInterval(() => (benchPeak = Math.max(benchPeak, benchRss())), 1000);
  onCleanUp(() => clearInterval(benchMemory));
  const env = {
    DATABASE_URL: databaseUrl(database),
    EMAIL_SERVER: capture.url,
    AUTH_SECRET: 'the bench signs its unsubscribe links with this secret',
    JOBS: 'worker',
    LOG_LEVEL: 'warn',
    REDIS_URL: '',
  };
  const senderEnv = {
    ...env,
    NODE_ENV: 'production',
    SITE_URL: 'https://northgate.example',
    NEWSLETTER_BATCH_SIZE: String(batch),
    NEWSLETTER_RATE: String(rate),
  };
  Object.assign(process.env, env, { SITE_URL: senderEnv.SITE_URL });
  onCleanUp(() => closeConnection());

  progress(`database ${database}: migrating and adding the demo content…`);
  await migrateDatabase(getConnection());
  await seedDatabase(getDb());
  const making = performance.now();
  progress(`making ${n(subscribers)} subscribers…`);
  const listId = await createReaders(subscribers);
  const made = secondsSince(making);
  const pieces = await choosePieces();

  let pages: ReturnType<typeof probePages> | null = null;
  let pagesBefore: PageFigures[] = [];
  const built = fs.existsSync(path.join(root, 'dist/server.js'));
  if (built && !values['no-pages']) {
    progress('starting the production server (dist/server.js) on the same database…');
    const server = await startServer(env).catch((error: Error) => {
      throw new BenchError('the production server did not start', error.message);
    });
    onCleanUp(() => server.stop());
    const targets = [
      { name: 'home', path: () => '/' },
      { name: 'article', path: () => `/articles/${pieces.publicSlug}` },
      // Each a search nobody made before: rendered for its reader from the database.
      {
        name: 'search, new words',
        path: () => `/search?q=${anyWord()}+${anyWord()}+${anyWord()}`,
      },
    ];
    for (const target of targets) await fetch(`${server.url}${target.path()}`);
    progress('pages before the send (15 s)…');
    pages = probePages(server.url, targets, pageRate);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    pagesBefore = pages.take();
  } else if (!values['no-pages']) {
    progress('no production build: run npm run build first to measure page latency');
  }

  // Run 1: straight through.
  const loadBefore = os.loadavg()[0]!;
  const benchAtStart = benchRss();
  benchPeak = benchAtStart;
  const first = await startIssue(listId, pieces.ids, 'The Bench Briefing, issue 1');
  const expected1 = await expectedAddresses(first.id);
  const tally1 = capture.reset((tally) => {
    if (tally.messages % 5000 === 0) progress(`run 1: ${n(tally.messages)} messages`);
  });
  progress(`run 1: sending to ${n(first.recipients)} recipients…`);
  const started1 = performance.now();
  const sender1 = startSender(senderEnv, concurrency, started1);
  const exit1 = await sender1.exited;
  const ended1 = performance.now();
  const pagesDuring = pages?.take() ?? [];
  await pages?.stop();
  if (exit1.code !== 0) {
    throw new BenchError(`the sender exited with ${exit1.signal ?? exit1.code}`, exit1.output);
  }
  const renderings = await getDb()
    .select({ n: sql<number>`count(distinct ${newsletterDeliveries.access})::int` })
    .from(newsletterDeliveries)
    .where(eq(newsletterDeliveries.issueId, first.id));
  const run1 = await settle(first.id, tally1, expected1);

  // Run 2: killed at random points, restarted each time.
  const second = await startIssue(listId, pieces.ids, 'The Bench Briefing, issue 2');
  const expected2 = await expectedAddresses(second.id);
  const fractions: number[] = [];
  while (fractions.length < kills) {
    const fraction = 0.1 + Math.random() * 0.7;
    if (fractions.every((other) => Math.abs(other - fraction) > 0.7 / (kills * 3))) {
      fractions.push(fraction);
    }
  }
  fractions.sort((a, b) => a - b);
  const thresholds = fractions.map((fraction) => Math.floor(fraction * expected2.size));
  let current: SenderRun | null = null;
  const killedByBench = new Set<ChildProcess>();
  const tally2 = capture.reset((tally) => {
    if (tally.messages % 5000 === 0) progress(`run 2: ${n(tally.messages)} messages`);
    if (current && thresholds.length && tally.messages >= thresholds[0]!) {
      thresholds.shift();
      current.child.kill('SIGKILL');
      killedByBench.add(current.child);
      current = null;
    }
  });
  progress(
    `run 2: sending to ${n(second.recipients)} recipients` +
      (kills
        ? `, killing the sender after ${fractions.map((f) => `${(f * 100).toFixed(0)}%`).join(', ')} of them…`
        : '…'),
  );
  const killLines: string[] = [];
  let lastOutput = '';
  const peaks: number[] = [];
  const started2 = performance.now();
  for (let attempt = 1; ; attempt += 1) {
    const sender = startSender(senderEnv, concurrency, started2);
    current = sender;
    const exit = await sender.exited;
    lastOutput = exit.output;
    peaks.push(Math.max(0, ...sender.rss.map((s) => s.mib)));
    if (!killedByBench.has(sender.child)) {
      if (exit.code !== 0) {
        throw new BenchError(`the sender exited with ${exit.signal ?? exit.code}`, exit.output);
      }
      break;
    }
    const at = tally2.messages;
    killLines.push(
      `kill ${attempt}             after ${n(at)} messages (${((at / expected2.size) * 100).toFixed(1)}%), ` +
        `${secondsSince(started2).toFixed(1)} s in: ${await endDeadLeases(second.id, tally2)}`,
    );
    progress(`run 2: killed after ${n(at)} messages; restarting the sender…`);
  }
  const ended2 = performance.now();
  const run2 = await settle(second.id, tally2, expected2);

  const loadAfter = os.loadavg()[0]!;
  const [pg] = await getDb().execute<{ server_version: string }>(sql`show server_version`);
  const cpu = os.cpus();
  const report = [
    `machine            ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, node ${process.versions.node}, ` +
      `PostgreSQL ${pg?.server_version ?? '?'}`,
    `load average       ${loadBefore.toFixed(2)} as run 1 started, ${loadAfter.toFixed(2)} as run 2 ended ` +
      `(1 min; other work on the machine shows here)`,
    `readers            ${n(subscribers)} subscribers of one list, made in ${made.toFixed(1)} s; ` +
      `every 20th a verified member, every 100th also in a tier: ${renderings[0]?.n ?? 0} renderings ` +
      `of an issue of ${pieces.ids.length} pieces`,
    `sender             a process of its own (scripts/bench/newsletter-sender.ts): batches of ${batch}, ` +
      `rate ${rate ? `${rate}/s` : 'unlimited'}, ${concurrency} at once through the pooled SMTP transport`,
    `capture            this process (SMTP capture, counts, page requests): RSS ${benchAtStart.toFixed(0)} MiB ` +
      `as run 1 starts, peak ${benchPeak.toFixed(0)} MiB during both runs`,
    '',
    'run 1: straight through',
    ...throughput(tally1, started1, ended1),
    `sender RSS         ${memorySeries(sender1.rss)}`,
    `sender's count     ${senderSummary(exit1.output)}`,
    ...run1.lines,
    '',
    ...(pages
      ? [
          'pages: the production server on the same database',
          ...formatPages(pagesBefore, pagesDuring, pageRate),
        ]
      : [
          `pages              not measured${values['no-pages'] ? ' (--no-pages)' : ': run npm run build first to measure page latency'}`,
        ]),
    '',
    kills
      ? `run 2: the sender killed (SIGKILL) ${kills === 1 ? 'once' : `${kills} times`} at random and restarted`
      : 'run 2: a second issue, the sender not killed (--kills 0)',
    ...killLines,
    ...throughput(tally2, started2, ended2),
    `sender RSS         peak of each sender ${peaks.map((peak) => peak.toFixed(0)).join(', ')} MiB`,
    `sender's count     ${senderSummary(lastOutput)} (the last sender)`,
    ...run2.lines,
  ];
  console.log(report.join('\n'));
  const problems = [
    ...run1.problems.map((problem) => `run 1: ${problem}`),
    ...run2.problems.map((problem) => `run 2: ${problem}`),
  ];
  if (problems.length) throw new BenchError(problems.join('; '));
}

runBench('bench:newsletter', main);
