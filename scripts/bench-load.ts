// Mixed load against a fresh production build: pages, searches, wrong passwords and Stripe
// webhooks (every event many times over) all at once, for the acceptance target "zero 5xx,
// zero lost or doubled donations, memory flat". Prints figures; fails (exit 1) only on a 5xx or
// a donation count that is not what the events add up to. Nothing here asserts a timing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { BenchError } from './bench/build';
import { buildForBench, onCleanUp, progress, runBench, temporaryFolder } from './bench/runner';
import { countDonations, prepareGifts } from './bench/gifts';
import { describeGrowth, sampleMemory } from './bench/memory';
import {
  mixedKinds,
  pagesFrom,
  redeliverUnacknowledged,
  runMixed,
  serverActionId,
  toldStripeIsDown,
  warmUpPages,
  type KindFigures,
} from './bench/mixed';
import { tableRow } from './bench/report';
import { freePort, startServer, type RunningServer } from './lib/next-server';
import { nginxBinary, startNginx } from './lib/nginx';
import { deleteRedisKeys } from './lib/redis-keys';
import { startMailCatcher } from '../tests/browser/mail-catcher';
import { createDatabase, databaseUrl, dropDatabase } from '../tests/setup/postgres-server';
import { startFakeStripe } from '../tests/support/fake-stripe';

const root = path.resolve(import.meta.dirname, '..');

function wholeNumber(name: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new BenchError(`--${name} takes a whole number, ${min} or more (got "${raw}")`);
  }
  return value;
}

function formatKinds(kinds: KindFigures[]): string {
  const total: KindFigures = {
    name: 'total',
    connections: 0,
    requests: 0,
    requestsPerSecond: 0,
    latencyP50Ms: Number.NaN,
    latencyP99Ms: Number.NaN,
    status2xx: 0,
    status3xx: 0,
    status4xx: 0,
    status5xx: 0,
    errors: 0,
    timeouts: 0,
    statusCodes: {},
    outcomes: {},
  };
  for (const kind of kinds) {
    for (const key of [
      'connections',
      'requests',
      'requestsPerSecond',
      'status2xx',
      'status3xx',
      'status4xx',
      'status5xx',
      'errors',
      'timeouts',
    ] as const) {
      total[key] += kind[key];
    }
  }
  const columns: [string, number][] = [
    ['kind', -16],
    ['conn', 5],
    ['requests', 9],
    ['req/s', 8],
    ['p50 ms', 7],
    ['p99 ms', 7],
    ['2xx', 7],
    ['3xx', 6],
    ['4xx', 6],
    ['5xx', 5],
    ['err/t.o.', 9],
  ];
  const line = tableRow(columns);
  // Autocannon keeps one histogram per instance, so the total has no percentiles of its own.
  const ms = (value: number) => (Number.isNaN(value) ? '-' : String(value));
  const row = (k: KindFigures) =>
    line([
      k.name,
      String(k.connections),
      String(k.requests),
      k.requestsPerSecond.toFixed(1),
      ms(k.latencyP50Ms),
      ms(k.latencyP99Ms),
      String(k.status2xx),
      String(k.status3xx),
      String(k.status4xx),
      String(k.status5xx),
      `${k.errors}/${k.timeouts}`,
    ]);
  const details = kinds
    .filter((k) => Object.keys(k.outcomes).length > 0 || k.status4xx + k.status5xx > 0)
    .map((k) => {
      const codes = Object.entries(k.statusCodes)
        .map(([code, n]) => `${code} ×${n}`)
        .join(', ');
      const outcomes = Object.entries(k.outcomes)
        .map(([outcome, n]) => `${outcome} ×${n}`)
        .join(', ');
      return `${k.name}: status ${codes}${outcomes ? `; answers ${outcomes}` : ''}`;
    });
  return [
    line(columns.map(([title]) => title)),
    ...kinds.map(row),
    row(total),
    '',
    ...details,
  ].join('\n');
}

/**
 * The kinds named in --only (by the first word of their name: home, article, listing, search,
 * sign-in, donation, stripe), to see which one a slow run comes from. Events of a left-out
 * webhook kind are all delivered after the run, so donations are still counted.
 */
function chooseKinds<K extends { name: string }>(kinds: K[], only: string | undefined): K[] {
  if (!only) return kinds;
  const wanted = only.split(',').map((name) => name.trim());
  const firstWord = (kind: K) => kind.name.split(' ')[0]!;
  const unknown = wanted.filter((name) => !kinds.some((kind) => firstWord(kind) === name));
  if (unknown.length || wanted.length === 0) {
    throw new BenchError(
      `--only takes kinds from: ${kinds.map(firstWord).join(', ')} (got "${only}")`,
    );
  }
  return kinds.filter((kind) => wanted.includes(firstWord(kind)));
}

async function main(): Promise<void> {
  const options = {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '200' },
    gifts: { type: 'string', default: '100' },
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    deploy: { type: 'boolean', default: false },
  } as const;
  const { values } = (() => {
    try {
      return parseArgs({ options });
    } catch (error) {
      throw new BenchError(
        `${(error as Error).message} (options: --duration N, --connections N, --gifts N, --only KIND,KIND, --no-build, --deploy)`,
      );
    }
  })();
  const durationSeconds = wholeNumber('duration', values.duration, 1);
  const connections = wholeNumber('connections', values.connections, 6);
  const giftCount = wholeNumber('gifts', values.gifts, 1);

  const deploy = values.deploy;
  if (deploy && !fs.existsSync(nginxBinary)) {
    throw new BenchError(`--deploy needs nginx at ${nginxBinary} (apt-get install nginx-light)`);
  }

  const temp = temporaryFolder('northgate-bench-load-');
  const fake = await startFakeStripe();
  onCleanUp(() => fake.close());
  // One environment for the build, this process (which starts the gifts and counts them) and
  // the server: the same database and the same fake. E-mails (receipts) go to files, through
  // an SMTP server of the run's own in a deployment.
  const env = {
    EMAIL_SERVER: '',
    EMAIL_LOG_DIR: path.join(temp, 'mail'),
    ...(deploy ? await deploymentEnv(temp) : embeddedEnv(temp)),
    STRIPE_SECRET_KEY: fake.secretKey,
    STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
    STRIPE_API_BASE_URL: fake.url,
  };
  Object.assign(process.env, env);

  if (!values['no-build']) await buildForBench(root, env);
  progress(`starting ${giftCount} gifts through the site's code and the fake Stripe…`);
  const gifts = await prepareGifts(fake, giftCount);

  const site = deploy ? await startDeployment(env, temp) : await startOneServer(env);
  let siteStopped = false;
  const stopSite = async () => {
    if (siteStopped) return;
    siteStopped = true;
    await site.stop();
  };
  onCleanUp(stopSite);

  const { articles, topics } = await pagesFrom(site.url);
  const { kinds, webhook, stripeDownGifts } = mixedKinds({
    articles,
    topics,
    loginActionId: serverActionId(root, 'loginAction', 'login/actions'),
    donateActionId: serverActionId(root, 'donateAction', 'support/actions'),
    events: gifts.events,
    webhookSecret: fake.webhookSecret,
  });
  const chosen = chooseKinds(kinds, values.only);
  progress('warming up the pages…');
  await warmUpPages(site.url, chosen);

  progress(`${durationSeconds} s of mixed load over ${connections} connections…`);
  // Stripe's API is down for the whole run: gifts started from the form must be told so, and
  // webhooks, which need no call to Stripe, go on being processed.
  fake.setMode('down');
  const memory = site.instances.map(({ process: child }) => sampleMemory(child.pid!));
  // This process sends the load, reads every answer and plays Stripe: when its own thread is
  // late, answers wait unread and the latencies it reports include that wait.
  const clientDelay = monitorEventLoopDelay({ resolution: 20 });
  clientDelay.enable();
  const results = await runMixed(site.url, chosen, connections, durationSeconds);
  clientDelay.disable();
  const rss = memory.map((sampler) => sampler.stop());
  fake.setMode('ok');
  const acknowledgedInRun = webhook.acknowledged.size;
  progress('delivering again, as Stripe would, the events no 2xx answered…');
  const redelivered = await redeliverUnacknowledged(site.url, webhook, fake.webhookSecret);

  progress('stopping the server, then counting donations…');
  await stopSite();
  const found = await countDonations();

  const webhookRun = results.find((k) => k.name === webhook.name);
  const deliveries = webhookRun?.requests ?? 0;
  // A 503 "retry-later" is the webhook's designed answer to an event that arrived before the
  // one it depends on (a renewal before its Checkout) or that needs a read from Stripe while
  // Stripe is down: Stripe delivers it again, as the run does. It is counted apart; any other
  // 5xx fails the run.
  const retryLater = webhook.outcomes['retry-later'] ?? 0;
  const serverErrors = results.reduce((sum, k) => sum + k.status5xx, 0) - retryLater;
  // Stripe treats a delivery left unanswered as it treats a 5xx: it delivers the event again
  // later, as the run does after it, and the counts below show whether any was lost. A
  // visitor left waiting has no such second chance.
  const webhookTimeouts = webhookRun?.timeouts ?? 0;
  const visitorTimeouts = results.reduce((sum, k) => sum + k.timeouts, 0) - webhookTimeouts;
  const mib = (value: number) => `${value.toFixed(0)} MiB`;
  const ms = (nanoseconds: number) => `${(nanoseconds / 1e6).toFixed(0)} ms`;
  const toldDown = stripeDownGifts.outcomes[toldStripeIsDown] ?? 0;
  const otherAnswers = Object.entries(stripeDownGifts.outcomes)
    .filter(([outcome]) => outcome !== toldStripeIsDown)
    .map(([outcome, times]) => `${outcome} ×${times}`);
  console.log(
    [
      `machine    ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, node ${process.versions.node}`,
      `load       ${connections} connections, ${durationSeconds} s, all kinds at once`,
      `site       ${site.description}`,
      '',
      formatKinds(results),
      '',
      `5xx        ${serverErrors} unexpected; webhook 503 retry-later ${retryLater}`,
      `timeouts   ${visitorTimeouts} visitors' requests; ${webhookTimeouts} webhook deliveries ` +
        `(delivered again after the run)`,
      `client     this process's event-loop delay p50 ${ms(clientDelay.percentile(50))}, ` +
        `p99 ${ms(clientDelay.percentile(99))}, max ${ms(clientDelay.max)} ` +
        `(part of every latency above, and of Stripe's answers)`,
      ...rss.flatMap((instance, index) => [
        `${rss.length > 1 ? `server ${index + 1}` : 'server  '} RSS start ${mib(instance.startMib)}, ` +
          `peak ${mib(instance.peakMib)}, end ${mib(instance.endMib)} (${instance.samples.length} samples)`,
        `           ${describeGrowth(instance.samples)}`,
      ]),
      `gifts      ${gifts.gifts} started (half monthly, renewed twice), ${gifts.events.length} ` +
        `events, delivered ${deliveries} times in the run (~${(deliveries / Math.max(1, gifts.events.length)).toFixed(1)} each); ` +
        `${acknowledgedInRun} acknowledged in the run, ${redelivered} deliveries after it for the rest ` +
        `(${webhook.acknowledged.size} acknowledged in all)`,
      `donations  paid rows expected ${gifts.expectedPaid} / found ${found.paid}; ` +
        `event ids expected ${gifts.events.length} / recorded ${found.eventIds}`,
      `Stripe down ${toldDown} gifts started while Stripe was down were told so; ` +
        `${found.checkoutFailed} rows kept as checkout_failed`,
    ].join('\n'),
  );
  const problems = [
    serverErrors > 0 ? `${serverErrors} responses were 5xx` : '',
    // A request left unanswered for autocannon's 10 s is lost to the visitor as surely as a 5xx.
    visitorTimeouts > 0 ? `${visitorTimeouts} visitors' requests timed out` : '',
    webhook.acknowledged.size < gifts.events.length
      ? `${gifts.events.length - webhook.acknowledged.size} events were never acknowledged`
      : '',
    found.paid !== gifts.expectedPaid
      ? `${found.paid} paid donations where ${gifts.expectedPaid} were expected`
      : '',
    otherAnswers.length
      ? `gifts started while Stripe was down were answered otherwise: ${otherAnswers.join(', ')}`
      : '',
    // A request still in flight when the run stops leaves a row but no counted answer.
    found.checkoutFailed < toldDown
      ? `${found.checkoutFailed} checkout_failed rows for ${toldDown} gifts told Stripe was down`
      : '',
    found.eventIds !== gifts.events.length
      ? `${found.eventIds} event ids recorded where ${gifts.events.length} were delivered`
      : '',
  ].filter(Boolean);
  if (problems.length) {
    const lastLines = site.logs().split('\n').filter(Boolean).slice(-30).join('\n');
    throw new BenchError(problems.join('; '), `server log (last lines):\n${lastLines}`);
  }
}

interface Site {
  url: string;
  description: string;
  instances: RunningServer[];
  logs(): string;
  stop(): Promise<void>;
}

/** The embedded database in a folder of this run's own: one process, as `npm start` runs it. */
function embeddedEnv(temp: string) {
  return { PGLITE_DATA_DIR: path.join(temp, 'pglite'), DATABASE_URL: '' };
}

/**
 * The production recipe (README, "Several instances behind nginx"): a database of this run's
 * own on the PostgreSQL server, and a Redis key prefix of its own, both removed at the end.
 */
async function deploymentEnv(temp: string) {
  const database = await createDatabase('northgate_bench');
  onCleanUp(() => dropDatabase(database));
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `northgate-bench:${process.pid}-${Date.now().toString(36)}:`;
  onCleanUp(() => deleteRedisKeys(redisUrl, redisPrefix));
  // Receipts go over SMTP, as a production site on PostgreSQL sends them, to files.
  const mail = await startMailCatcher();
  onCleanUp(() => mail.stop());
  return {
    DATABASE_URL: databaseUrl(database),
    PGLITE_DATA_DIR: path.join(temp, 'unused-pglite'),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    EMAIL_SERVER: mail.url,
    AUTH_SECRET: 'one secret for every instance of the bench site',
    // The bench stands for a CDN in front of nginx too, which names each request's visitor in
    // X-Forwarded-For: the sign-ins and gifts come from many addresses, as they would.
    TRUSTED_PROXIES: '2',
  };
}

async function startOneServer(env: Record<string, string>): Promise<Site> {
  progress('starting the production server…');
  const server = await startServer(env).catch((error: Error) => {
    throw new BenchError('the production server did not start', error.message);
  });
  return {
    url: server.url,
    description: 'one server on the embedded database',
    instances: [server],
    logs: () => server.logs(),
    stop: () => server.stop(),
  };
}

/** Two instances and a worker on PostgreSQL and Redis, behind deploy/nginx/northgate.conf. */
async function startDeployment(env: Record<string, string>, temp: string): Promise<Site> {
  progress('starting two instances, a worker and nginx in front…');
  const nginxPort = await freePort();
  const siteEnv = { ...env, SITE_URL: `http://127.0.0.1:${nginxPort}` };
  const instances = await Promise.all([startServer(siteEnv), startServer(siteEnv)]).catch(
    (error: Error) => {
      throw new BenchError('an instance did not start', error.message);
    },
  );
  const worker = spawn(process.execPath, ['dist/worker.js'], {
    cwd: root,
    env: { ...process.env, ...siteEnv, NODE_ENV: 'production' },
    stdio: 'ignore',
  });
  const nginxDir = path.join(temp, 'nginx');
  fs.mkdirSync(nginxDir);
  // nginx's workers run as another user when it is started as root.
  fs.chmodSync(temp, 0o755);
  const nginx = await startNginx({
    dir: nginxDir,
    port: nginxPort,
    upstreams: instances.map((instance) => new URL(instance.url).host),
  });
  return {
    url: nginx.url,
    description: `nginx (deploy/nginx/) in front of two instances and a worker, on PostgreSQL, sharing Redis`,
    instances,
    logs: () => instances.map((instance) => instance.logs()).join('\n'),
    async stop() {
      await nginx.stop();
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      if (worker.exitCode === null) worker.kill('SIGTERM');
      await exited;
      await Promise.all(instances.map((instance) => instance.stop()));
    },
  };
}

runBench('bench:load', main);
