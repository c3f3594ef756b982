// Lighthouse figures (its mobile defaults: a mid-range phone on a slow 4G link, simulated) for
// home, an article and a listing of a fresh production build, printed beside a bare Next page of
// the same version built here: what the site adds to what Next costs. Drives Debian's Chromium
// (scripts/lib/chromium.ts). Prints figures; nothing here asserts a score.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { BenchError } from './bench/build';
import { tableRow } from './bench/report';
import {
  buildForBench,
  onCleanUp,
  packageVersion,
  progress,
  runBench,
  temporaryFolder,
} from './bench/runner';
import { chromiumPath } from './lib/chromium';
import { freePort, startServer } from './lib/next-server';

const root = path.resolve(import.meta.dirname, '..');
const pages = [
  { name: 'home', path: '/' },
  { name: 'article', path: '/articles/grid-connections-new-bottleneck' },
  { name: 'listing', path: '/analysis' },
];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** A page of Next and nothing else, built in the project so that it resolves the same Next. */
async function startBareNext(): Promise<{ url: string; stop: () => void }> {
  const dir = path.join(root, '.data', 'lighthouse-bare-next');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'app'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'app', 'layout.jsx'),
    `export const metadata = { title: 'Bare', description: 'A bare Next page.' };
export default function Layout({ children }) {
  return (<html lang="en"><body>{children}</body></html>);
}
`,
  );
  fs.writeFileSync(
    path.join(dir, 'app', 'page.jsx'),
    `export default function Page() {
  return (<main><h1>A bare Next page</h1><p>Text, and nothing else.</p></main>);
}
`,
  );
  // Its own configuration and instrumentation hook, or Next would take the project's from the
  // folder above.
  fs.writeFileSync(path.join(dir, 'next.config.mjs'), 'export default {};\n');
  fs.writeFileSync(path.join(dir, 'instrumentation.js'), 'export function register() {}\n');
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
  const next = path.join(root, 'node_modules', '.bin', 'next');
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' as const };
  const built = await new Promise<number | null>((resolve) =>
    spawn(next, ['build'], { cwd: dir, env, stdio: 'ignore' }).on('exit', resolve),
  );
  if (built !== 0) throw new BenchError('the bare Next page did not build');
  const port = await freePort();
  const server = spawn(next, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: dir,
    env,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(url);
      break;
    } catch {
      if (attempt > 100) throw new BenchError('the bare Next page did not start');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { url, stop: () => server.kill() };
}

type Scores = Record<(typeof categories)[number], number> & { lcpMs: number; tbtMs: number };

async function audit(url: string, port: number, reportFile?: string): Promise<Scores> {
  const result = await lighthouse(url, {
    port,
    output: 'html',
    logLevel: 'error',
    onlyCategories: [...categories],
  });
  if (!result) throw new BenchError(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new BenchError(`Lighthouse: ${lhr.runtimeError.message} (${url})`);
  if (reportFile) fs.writeFileSync(reportFile, result.report as string);
  const score = (name: string) => Math.round((lhr.categories[name]?.score ?? 0) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
    tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      // A folder for each page's HTML report, to see what a score is made of.
      reports: { type: 'string' },
    },
  });
  const reports = values.reports ? path.resolve(values.reports) : undefined;
  if (reports) fs.mkdirSync(reports, { recursive: true });
  const reportFile = (name: string) =>
    reports ? path.join(reports, `${name.replace(/\s+/g, '-')}.html`) : undefined;
  const temp = temporaryFolder('northgate-lighthouse-');
  const databaseEnv = { PGLITE_DATA_DIR: path.join(temp, 'pglite'), DATABASE_URL: '' };
  if (!values['no-build']) await buildForBench(root, databaseEnv);
  progress('starting the production server and a bare Next page…');
  const server = await startServer(databaseEnv);
  onCleanUp(() => server.stop());
  const bare = await startBareNext();
  onCleanUp(() => bare.stop());

  const debuggingPort = await freePort();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [`--remote-debugging-port=${debuggingPort}`, '--no-sandbox'],
  });
  onCleanUp(() => browser.close());

  // A reader on a phone before the measured one: the page cache holds the page, and the image
  // optimiser has made each image at the phone's widths (the first ask for one encodes it).
  const phone = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
  });
  onCleanUp(() => phone.close());
  const visit = async (url: string) => {
    const tab = await phone.newPage();
    await tab.goto(url, { waitUntil: 'networkidle' });
    await tab.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await tab.waitForLoadState('networkidle');
    await tab.close();
  };

  const rows: [string, string, Scores][] = [];
  for (const page of pages) {
    await visit(server.url + page.path);
    progress(`${page.name}: Lighthouse…`);
    rows.push([
      page.name,
      page.path,
      await audit(server.url + page.path, debuggingPort, reportFile(page.name)),
    ]);
  }
  progress('bare Next page: Lighthouse…');
  rows.push([
    'bare next',
    '/',
    await audit(`${bare.url}/`, debuggingPort, reportFile('bare next')),
  ]);

  const columns: [string, number][] = [
    ['page', -10],
    ['path', -Math.max(4, ...rows.map(([, p]) => p.length))],
    ['perf', 5],
    ['a11y', 5],
    ['b.p.', 5],
    ['seo', 4],
    ['LCP ms', 7],
    ['TBT ms', 7],
  ];
  const line = tableRow(columns);
  console.log(
    [
      `Lighthouse ${packageVersion(root, 'lighthouse')}, mobile defaults, ${chromiumPath}`,
      line(columns.map(([title]) => title)),
      ...rows.map(([name, p, s]) =>
        line([
          name,
          p,
          String(s.performance),
          String(s.accessibility),
          String(s['best-practices']),
          String(s.seo),
          String(s.lcpMs),
          String(s.tbtMs),
        ]),
      ),
    ].join('\n'),
  );
}

runBench('lighthouse', main);
