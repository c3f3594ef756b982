import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// nginx as the deployment runs it: the production recipe in deploy/nginx/ for the deployment
// tests and the benches, and a plain static server for the bench's ceiling through nginx.
const root = path.resolve(import.meta.dirname, '../..');
export const nginxBinary = '/usr/sbin/nginx';

export interface RunningNginx {
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs deploy/nginx/northgate.conf as it is, in a folder of its own: only its upstream
 * addresses, port, cache folder and snippet path are replaced by the test's.
 */
export async function startNginx(options: {
  dir: string;
  port: number;
  upstreams: string[];
}): Promise<RunningNginx> {
  const { dir, port, upstreams } = options;
  // nginx's workers run as another user when it is started as root; they write its cache here.
  fs.chmodSync(dir, 0o755);
  const site = fs
    .readFileSync(path.join(root, 'deploy/nginx/northgate.conf'), 'utf8')
    .replace(
      /    server 127\.0\.0\.1:3000;\n    server 127\.0\.0\.1:3001;\n/,
      upstreams.map((address) => `    server ${address};\n`).join(''),
    )
    .replace('/var/cache/nginx/northgate', path.join(dir, 'cache'))
    .replace('    listen 80;\n    listen [::]:80;\n', `    listen 127.0.0.1:${port};\n`)
    .replace(
      'include snippets/northgate-proxy.conf;',
      `include ${path.join(root, 'deploy/nginx/northgate-proxy.conf')};`,
    );
  if (!site.includes(`127.0.0.1:${port}`) || site.includes('127.0.0.1:3000')) {
    throw new Error('deploy/nginx/northgate.conf no longer has the lines this test replaces');
  }
  return runNginx(dir, port, site);
}

/**
 * nginx serving the files under `root` as they are, each as `text/html`, and a file's `.gz`
 * beside it to a client that accepts gzip: what nginx does with the same bytes when it needs no
 * upstream at all.
 */
export async function startStaticNginx(options: {
  dir: string;
  port: number;
  root: string;
}): Promise<RunningNginx> {
  const { dir, port } = options;
  fs.chmodSync(dir, 0o755);
  const site = `server {
    listen 127.0.0.1:${port};
    root ${options.root};
    default_type text/html;
    types { }
    gzip_static on;
    location /api/health { return 200 ok; }
}`;
  return runNginx(dir, port, site);
}

async function runNginx(dir: string, port: number, site: string): Promise<RunningNginx> {
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
${site}
}
`,
  );
  const checked = spawnSync(nginxBinary, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], {
    encoding: 'utf8',
  });
  if (checked.status !== 0) throw new Error(`nginx refuses the configuration:\n${checked.stderr}`);
  const child: ChildProcess = spawn(nginxBinary, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await fetch(`${url}/api/health`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('nginx did not answer within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await exited;
    },
  };
}
