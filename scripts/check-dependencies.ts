// Release step: are the runtime dependencies free of known advisories? Asks the registry's
// audit service (`npm audit --omit=dev`). Where the registry does not answer audits (a mirror,
// a closed network), it reads the lockfile instead and compares each runtime package with the
// newest release of its major version and with the newest release overall: fixes for
// advisories ship as such releases, so a package behind them is one to look up.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

interface Lockfile {
  packages: Record<string, { version?: string; dev?: boolean }>;
}

function npm(args: string[]) {
  return spawnSync('npm', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const audit = npm(['audit', '--omit=dev']);
const answered = !/audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|405|404/.test(
  audit.stderr,
);
if (answered) {
  process.stdout.write(audit.stdout);
  process.stderr.write(audit.stderr);
  process.exit(audit.status ?? 1);
}

console.log('The registry does not answer audits; comparing the lockfile with its releases.\n');
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as Lockfile;
const direct = Object.keys(
  (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { dependencies: object }).dependencies,
);

const parts = (version: string) => version.split(/[.+-]/).slice(0, 3).map(Number);
function newer(a: string, b: string): boolean {
  const [x, y] = [parts(a), parts(b)];
  for (let index = 0; index < 3; index++) {
    if (x[index] !== y[index]) return (x[index] ?? 0) > (y[index] ?? 0);
  }
  return false;
}

const registry = npm(['config', 'get', 'registry']).stdout.trim().replace(/\/?$/, '/');

async function releases(name: string): Promise<string[]> {
  try {
    const response = await fetch(`${registry}${name.replace('/', '%2f')}`, {
      // The abbreviated document: versions without their readmes.
      headers: { accept: 'application/vnd.npm.install-v1+json' },
      signal: AbortSignal.timeout(60_000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const document = (await response.json()) as { versions: Record<string, unknown> };
    return Object.keys(document.versions).filter((version) => !version.includes('-'));
  } catch (error) {
    console.log(`${name}: the registry did not list its releases (${(error as Error).message})`);
    return [];
  }
}

const published = await Promise.all(direct.map(releases));
let behind = 0;
for (const [index, name] of direct.entries()) {
  const installed = lock.packages[`node_modules/${name}`]?.version;
  if (!installed) continue;
  const stable = published[index]!;
  const major = parts(installed)[0];
  const sameMajor = stable.filter((version) => parts(version)[0] === major);
  const newestInMajor = sameMajor.reduce((a, b) => (newer(b, a) ? b : a), installed);
  const newest = stable.reduce((a, b) => (newer(b, a) ? b : a), installed);
  const notes = [];
  if (newer(newestInMajor, installed)) notes.push(`${newestInMajor} in its major`);
  if (parts(newest)[0]! > major!) notes.push(`major ${parts(newest)[0]} (${newest})`);
  if (notes.length === 0) continue;
  if (newer(newestInMajor, installed)) behind += 1;
  console.log(`${name} ${installed}: newer releases: ${notes.join('; ')}`);
}
console.log(
  behind === 0
    ? '\nEvery runtime dependency is on the newest release of its major version.'
    : `\n${behind} runtime dependencies are behind the newest release of their major version: read their changelogs for security fixes before releasing.`,
);
process.exit(behind === 0 ? 0 : 1);
