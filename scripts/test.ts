// Runs every test: lint, types, unit, integration on both engines, then browser tests in
// Chromium against a production build with a fresh embedded database.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumPackage, chromiumPath } from './lib/chromium';
import { freePort } from './lib/next-server';
import { nginxBinary } from './lib/nginx';

const browserOnly = process.argv.includes('--browser-only');
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'northgate-test-reports-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps: string[] = [];

function run(label: string, command: string, args: string[], options: SpawnSyncOptions = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed after ${seconds}s`);
    failedSteps.push(label);
    return false;
  }
  console.log(`✔ ${label} (${seconds}s)`);
  return true;
}

// What the tests need from Debian: Chromium's headless shell for the browser tests, nginx for
// the deployment tests (deploy/nginx/).
function ensureSystemPackages() {
  const missing = [
    { path: chromiumPath, name: chromiumPackage },
    { path: nginxBinary, name: 'nginx-light' },
  ].filter(({ path: binary }) => !fs.existsSync(binary));
  if (!missing.length) return true;
  const names = missing.map(({ name }) => name);
  if (process.getuid?.() !== 0) {
    console.error(
      `Missing: ${names.join(', ')}. Install: sudo apt-get install -y ${names.join(' ')}`,
    );
    return false;
  }
  return (
    run('Install system packages (apt-get update)', 'apt-get', ['update']) &&
    run(`Install ${names.join(', ')}`, 'apt-get', ['install', '-y', ...names], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  );
}

function vitest(label: string, projects: string[], env: NodeJS.ProcessEnv = process.env) {
  const report = path.join(reportDir, `${label.replace(/\W+/g, '-')}.json`);
  const ok = run(
    label,
    'npx',
    [
      'vitest',
      'run',
      ...projects.flatMap((project) => ['--project', project]),
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { env },
  );
  if (fs.existsSync(report)) {
    const summary = JSON.parse(fs.readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    totals.passed += summary.numPassedTests;
    totals.failed += summary.numFailedTests;
    totals.skipped += summary.numPendingTests + summary.numTodoTests;
    // The tests' own failures are counted above; the step itself need not be counted again.
    if (!ok && summary.numFailedTests > 0) failedSteps.pop();
  }
  return ok;
}

async function main(): Promise<boolean> {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  if (!ensureSystemPackages()) return false;
  let ok = true;
  if (!browserOnly) {
    ok = run('Lint', 'npx', ['eslint', '.', '--max-warnings=0']) && ok;
    ok = run('Formatting', 'npx', ['prettier', '--check', '.', '--log-level=warn']) && ok;
    ok = run('Type check', 'npx', ['tsc', '--noEmit']) && ok;
    ok = vitest('Unit and integration tests', ['unit', 'commands', 'integration-*'], env) && ok;
  }
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'northgate-e2e-'));
  try {
    const port = await freePort();
    const browserEnv = {
      ...env,
      SITE_URL: `http://127.0.0.1:${port}`,
      TEST_SERVER_PORT: String(port),
      DATABASE_URL: '',
      PGLITE_DATA_DIR: path.join(dataRoot, 'pglite'),
      TEST_PGLITE_DATA_DIR: path.join(dataRoot, 'pglite'),
    };
    if (!run('Production build', 'npx', ['tsx', 'scripts/build.ts'], { env: browserEnv }))
      return false;
    ok = vitest('Browser tests (Chromium)', ['browser'], browserEnv) && ok;
    ok = vitest('Deployment tests', ['deploy'], env) && ok;
  } finally {
    fs.rmSync(dataRoot, { recursive: true, force: true });
  }
  return ok;
}

const ok = await main();
fs.rmSync(reportDir, { recursive: true, force: true });
if (failedSteps.length) console.error(`\nFailed: ${failedSteps.join('; ')}`);
console.log(
  `\n${totals.passed} passed, ${totals.failed + failedSteps.length} failed, ${totals.skipped} skipped`,
);
process.exit(ok && totals.failed === 0 ? 0 : 1);
