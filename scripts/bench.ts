// Load figures for the public pages of a fresh production build, next to a ceiling: the same
// bytes from a bare node:http server; then an article through nginx (deploy/nginx/) next to
// nginx serving the same bytes from disk. It only prints figures; nothing here asserts a timing.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BenchError } from './bench/build';
import {
  buildForBench,
  onCleanUp,
  packageVersion,
  progress,
  runBench,
  temporaryFolder,
} from './bench/runner';
import { startStaticServer } from './bench/ceiling';
import { measureFirstLoadJs } from './bench/first-load';
import { getRaw } from './bench/http';
import { connections, measure, warmUp, type LoadOptions } from './bench/load';
import { measureThroughNginx } from './bench/through-nginx';
import { formatContext, formatTable, type Report, type TargetResult } from './bench/report';
import { startServer } from './lib/next-server';

const root = path.resolve(import.meta.dirname, '..');
const article = '/articles/grid-connections-new-bottleneck';
const browser = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'gzip' };
// Without headers, as scripts and bots ask; then as a browser asks, gzip-compressed; then a
// search everyone makes, and searches nobody made before.
const targets: { name: string; path: string; load?: LoadOptions }[] = [
  { name: 'home', path: '/' },
  { name: 'article', path: article },
  { name: 'article-gz', path: article, load: { headers: browser } },
  { name: 'listing', path: '/analysis' },
  { name: 'search', path: '/search?q=energy+grid' },
  { name: 'search-new', path: '/search?q=energy', load: { distinctQueries: true } },
];

async function main(): Promise<void> {
  const options = {
    duration: { type: 'string', default: '10' },
    'no-build': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  } as const;
  const { values } = (() => {
    try {
      return parseArgs({ options });
    } catch (error) {
      throw new BenchError(
        `${(error as Error).message} (options: --duration N, --no-build, --json)`,
      );
    }
  })();
  const durationSeconds = Number(values.duration);
  if (!Number.isInteger(durationSeconds) || durationSeconds < 1) {
    throw new BenchError(`--duration takes whole seconds, 1 or more (got "${values.duration}")`);
  }
  const context = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    node: process.versions.node,
    platform: `${os.platform()} ${os.arch()}`,
    next: packageVersion(root, 'next'),
    database: `PGlite ${packageVersion(root, '@electric-sql/pglite')}, embedded in the server, fresh data folder`,
    connections,
    durationSeconds,
  };
  if (!values.json) console.log(`${formatContext(context)}\n`);

  const temp = temporaryFolder('northgate-bench-');
  const databaseEnv = { PGLITE_DATA_DIR: path.join(temp, 'pglite'), DATABASE_URL: '' };
  if (!values['no-build']) await buildForBench(root, databaseEnv);
  progress('starting the production server…');
  const server = await startServer(databaseEnv).catch((error: Error) => {
    throw new BenchError('the production server did not start', error.message);
  });
  onCleanUp(() => server.stop());

  const runs = [];
  for (const target of targets) {
    const url = server.url + target.path;
    progress(`${target.name}: warming up, then ${durationSeconds} s of load…`);
    const warm = await warmUp(url);
    const next = await measure(url, durationSeconds, target.load);
    const page = await getRaw(url);
    runs.push({ target, warm, next, page });
  }

  // The same bytes from a bare server, for the rows a plain request answers.
  const plain = runs.filter(({ target }) => !target.load);
  const ceiling = await startStaticServer(
    plain.map(({ target, page }) => ({
      path: target.path,
      status: page.status,
      contentType: page.headers['content-type'] ?? 'text/html; charset=utf-8',
      body: page.body,
    })),
  );
  onCleanUp(() => ceiling.stop());
  const results: TargetResult[] = [];
  for (const { target, warm, next, page } of runs) {
    let bare = null;
    if (!target.load) {
      progress(`${target.name}: the same bytes from the static server…`);
      await warmUp(ceiling.url + target.path);
      bare = await measure(ceiling.url + target.path, durationSeconds);
    }
    const header = (name: string) => [page.headers[name] ?? null].flat()[0] ?? null;
    results.push({
      ...target,
      status: page.status,
      cache: header('x-page-cache'),
      cacheControl: header('cache-control'),
      htmlBytes: page.body.byteLength,
      warmUp: warm,
      next,
      ceiling: bare,
      ratio: bare?.requestsPerSecond ? next.requestsPerSecond / bare.requestsPerSecond : null,
    });
  }

  results.push(...(await measureThroughNginx(server.url, article, durationSeconds)));

  const articleRun = runs.find(({ target }) => target.name === 'article')!;
  progress('article: downloading its JavaScript…');
  const articleFirstLoadJs = await measureFirstLoadJs(
    server.url + articleRun.target.path,
    articleRun.page.body.toString('utf8'),
  );
  const report: Report = { context, targets: results, articleFirstLoadJs };
  console.log(values.json ? JSON.stringify(report, null, 2) : formatTable(report));
}

runBench('bench', main);
