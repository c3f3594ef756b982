import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/lib/next-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Serves the production build on a free port with a fresh embedded database.
 * `npm test` builds first; the build and this server are given the same data folder.
 */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    throw new Error('Browser tests need a production build: run `npm test`, which builds first.');
  }
  const ownDir = process.env.TEST_PGLITE_DATA_DIR
    ? undefined
    : fs.mkdtempSync(path.join(os.tmpdir(), 'northgate-browser-'));
  const dataDir = process.env.TEST_PGLITE_DATA_DIR ?? path.join(ownDir!, 'pglite');
  // The build bakes SITE_URL into pre-rendered pages, so `npm test` builds for this port.
  const port = process.env.TEST_SERVER_PORT ? Number(process.env.TEST_SERVER_PORT) : undefined;
  const server = await startServer({ PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' }, port);
  project.provide('baseUrl', server.url);
  return async () => {
    await server.stop();
    if (ownDir) fs.rmSync(ownDir, { recursive: true, force: true });
  };
}
