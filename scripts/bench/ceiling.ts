import { Worker } from 'node:worker_threads';

export interface StaticPage {
  path: string;
  status: number;
  contentType: string;
  body: Buffer;
}

export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

// The server runs in a worker thread with its own event loop, so autocannon on the main
// thread cannot starve it: the same split as against Next, whose server is another process.
// Plain JavaScript, so the worker needs no TypeScript loader.
const workerSource = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const pages = new Map(workerData.pages.map((page) => [page.path, page]));
const server = http.createServer((request, response) => {
  const page = pages.get(request.url);
  if (!page) {
    response.writeHead(404, { 'content-length': 0 });
    response.end();
    return;
  }
  response.writeHead(page.status, {
    'content-type': page.contentType,
    'content-length': page.body.byteLength,
  });
  response.end(page.body);
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

/** Serves fixed bytes per path: what a server that did no work at all could manage. */
export async function startStaticServer(pages: StaticPage[]): Promise<StaticServer> {
  const worker = new Worker(workerSource, { eval: true, workerData: { pages } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The static server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await worker.terminate();
    },
  };
}
