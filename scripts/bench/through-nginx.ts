// The bench's rows through nginx: the production recipe (deploy/nginx/) in front of the running
// server, next to nginx serving the same bytes from disk, for a plain request and a browser's
// gzip one. nginx answers both from its own cache or disk; the ratio is what the recipe's
// proxy cache costs against a static file.
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../lib/next-server';
import { nginxBinary, startNginx, startStaticNginx } from '../lib/nginx';
import { BenchError } from './build';
import { getRaw } from './http';
import { measure, warmUp } from './load';
import type { TargetResult } from './report';
import { onCleanUp, progress, temporaryFolder } from './runner';

const variants = [
  { name: 'nginx', headers: {} as Record<string, string> },
  { name: 'nginx-gz', headers: { accept: 'text/html', 'accept-encoding': 'gzip' } },
];

/** Rows for `pagePath` through nginx, or none when nginx is not installed (said on stderr). */
export async function measureThroughNginx(
  serverUrl: string,
  pagePath: string,
  durationSeconds: number,
): Promise<TargetResult[]> {
  if (!fs.existsSync(nginxBinary)) {
    progress(`no ${nginxBinary} (apt-get install nginx-light): no rows through nginx`);
    return [];
  }
  const folder = temporaryFolder('northgate-bench-nginx-');
  // nginx's workers run as another user when it is started as root.
  fs.chmodSync(folder, 0o755);
  const proxyDir = path.join(folder, 'proxy');
  const staticDir = path.join(folder, 'static');
  const files = path.join(folder, 'files');
  for (const dir of [proxyDir, staticDir, files]) fs.mkdirSync(dir);
  const proxy = await startNginx({
    dir: proxyDir,
    port: await freePort(),
    upstreams: [new URL(serverUrl).host],
  });
  onCleanUp(() => proxy.stop());

  const runs = [];
  for (const variant of variants) {
    const url = proxy.url + pagePath;
    progress(`${variant.name}: warming up, then ${durationSeconds} s of load through nginx…`);
    const warm = await warmUp(url);
    const figures = await measure(url, durationSeconds, { headers: variant.headers });
    const page = await getRaw(url, variant.headers);
    if (page.status !== 200) {
      const log = fs.readFileSync(path.join(proxyDir, 'error.log'), 'utf8').trim();
      throw new BenchError(`${url} answered ${page.status} through nginx`, log.slice(-2000));
    }
    runs.push({ variant, warm, figures, page });
  }

  // The same bytes, as files: the page, and its gzip-compressed copy beside it.
  const file = path.join(files, pagePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const { variant, page } of runs) {
    fs.writeFileSync(variant.headers['accept-encoding'] ? `${file}.gz` : file, page.body);
  }
  const disk = await startStaticNginx({ dir: staticDir, port: await freePort(), root: files });
  onCleanUp(() => disk.stop());

  const rows: TargetResult[] = [];
  for (const { variant, warm, figures, page } of runs) {
    const url = disk.url + pagePath;
    progress(`${variant.name}: the same bytes from disk through nginx…`);
    const fromDisk = await getRaw(url, variant.headers);
    if (!fromDisk.body.equals(page.body)) {
      throw new BenchError(`nginx's static copy of ${pagePath} is not the bytes it proxied`);
    }
    await warmUp(url);
    const ceiling = await measure(url, durationSeconds, { headers: variant.headers });
    const header = (name: string) => [page.headers[name] ?? null].flat()[0] ?? null;
    rows.push({
      name: variant.name,
      path: pagePath,
      status: page.status,
      cache: header('x-cache-status'),
      cacheControl: header('cache-control'),
      htmlBytes: page.body.byteLength,
      warmUp: warm,
      next: figures,
      ceiling,
      ratio: ceiling.requestsPerSecond
        ? figures.requestsPerSecond / ceiling.requestsPerSecond
        : null,
    });
  }
  return rows;
}
