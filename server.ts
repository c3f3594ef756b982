// Serves the site: the production build (`npm start`), or the development server (`npm run dev`,
// with --dev). Next's own request handler does everything it does under `next start` or
// `next dev`: the proxy, instrumentation, routes and assets. In front of it, two things Next
// cannot do: methods the site has no use for are refused before they cost a render
// (lib/security/methods.ts); the visitor's socket address is added to X-Forwarded-For, as a proxy would add it
// (lib/security/client-ip.ts), so per-address limits never rest on what the visitor sent; and in
// production the page cache answers first for the pages the cache rule admits (lib/page-cache/).
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { logger } from '@/lib/platform/log';
import { withSocketAddress } from '@/lib/security/client-ip';
import { refuseUnknownMethod } from '@/lib/security/methods';
import { serveFromPageCache } from '@/lib/page-cache/serve';

const { values } = parseArgs({
  options: {
    port: { type: 'string', short: 'p', default: process.env.PORT ?? '3000' },
    // Not HOSTNAME from the environment: containers set it to the machine's own name.
    hostname: { type: 'string', short: 'H', default: '0.0.0.0' },
    dev: { type: 'boolean', default: false },
  },
});
const dev = values.dev;
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`\n✖ The port must be a whole number from 0 to 65535 (got "${values.port}").\n`);
  process.exit(1);
}
const hostname = values.hostname;
// The address the server's own requests (renders for the page cache) go to, as `next start`
// records it.
const origin = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`;
process.env.__NEXT_PRIVATE_ORIGIN = origin;

// The project's folder, where it runs from as every command does: this file runs from there as
// server.ts and, compiled by the build, as dist/server.js.
const app = next({ dev, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  if (refuseUnknownMethod(request, response)) return;
  request.headers['x-forwarded-for'] = withSocketAddress(
    request.headers['x-forwarded-for'],
    request.socket.remoteAddress,
  );
  // In development every page is rendered afresh, so that an edited component shows at once.
  if (dev) return void handle(request, response);
  serveFromPageCache(request, response, origin)
    .catch((error: unknown) => {
      // The page cache is a shortcut: whatever goes wrong in it, Next can still answer.
      logger.error({ err: error, path: request.url?.split('?')[0] }, 'page cache failed');
      return response.headersSent;
    })
    .then((served) => {
      if (!served) void handle(request, response);
    });
});
server.listen(port, hostname, () => {
  logger.info({ origin }, dev ? 'serving the development server' : 'serving the production build');
});

// As `next start`: finish the requests under way, then stop.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
