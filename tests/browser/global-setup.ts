import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { membershipAccounts, testAccounts } from './accounts';
import { startMailCatcher } from './mail-catcher';
import { startServer } from '../../scripts/lib/next-server';
import { startFakeStripe } from '../support/fake-stripe';
import { createAccount } from '../support/user-create';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    mailDir: string;
    stripeUrl: string;
    stripeSecretKey: string;
    serverLog: string;
  }
}

/**
 * Serves the production build on a free port with a fresh embedded database.
 * `npm test` builds first; the build and this server are given the same data folder.
 */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(process.cwd(), 'dist', 'server.js'))) {
    throw new Error('Browser tests need a production build: run `npm test`, which builds first.');
  }
  const ownDir = process.env.TEST_PGLITE_DATA_DIR
    ? undefined
    : fs.mkdtempSync(path.join(os.tmpdir(), 'northgate-browser-'));
  const dataDir = process.env.TEST_PGLITE_DATA_DIR ?? path.join(ownDir!, 'pglite');
  for (const [role, account] of Object.entries(testAccounts)) {
    createAccount(account, role, { PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' });
  }
  for (const account of Object.values(membershipAccounts)) {
    createAccount(account, 'member', { PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' });
  }
  // The port `npm test` chose for SITE_URL, or a free one.
  const port = process.env.TEST_SERVER_PORT ? Number(process.env.TEST_SERVER_PORT) : undefined;
  const mail = await startMailCatcher();
  // Checkout, the billing portal and webhooks come from a local fake of Stripe's API.
  const stripe = await startFakeStripe();
  const server = await startServer(
    {
      PGLITE_DATA_DIR: dataDir,
      DATABASE_URL: '',
      EMAIL_SERVER: mail.url,
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_BASE_URL: stripe.url,
    },
    port,
  );
  stripe.setWebhookUrl(`${server.url}/api/stripe/webhook`);
  // The server's output, as it grows, for the tests of what it logs (they run in other processes).
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'northgate-server-log-'));
  const serverLog = path.join(logDir, 'server.log');
  fs.writeFileSync(serverLog, server.logs());
  for (const stream of [server.process.stdout, server.process.stderr]) {
    stream?.on('data', (chunk: Buffer) => fs.appendFileSync(serverLog, chunk));
  }
  project.provide('baseUrl', server.url);
  project.provide('mailDir', mail.dir);
  project.provide('stripeUrl', stripe.url);
  project.provide('stripeSecretKey', stripe.secretKey);
  project.provide('serverLog', serverLog);
  return async () => {
    await server.stop();
    await stripe.close();
    await mail.stop();
    fs.rmSync(logDir, { recursive: true, force: true });
    if (ownDir) fs.rmSync(ownDir, { recursive: true, force: true });
  };
}
