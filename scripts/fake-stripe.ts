// Runs the fake of Stripe's API on its own, for local development or for browser tests that run
// in another process: `tsx scripts/fake-stripe.ts --port 12111 --webhook-url http://127.0.0.1:3000/api/stripe/webhook`
import { parseArgs } from 'node:util';
import { startFakeStripe } from '../tests/support/fake-stripe';

const usage = `usage: tsx scripts/fake-stripe.ts [--port 12111] [--webhook-url URL] [--secret-key sk_test_…] [--webhook-secret whsec_…]

Serves Stripe's API under /v1 for the real SDK, Checkout pages at /pay/<session>, the customer
portal at /portal/<session>, and test controls under /__control/ (see tests/support/fake-stripe).
Webhooks go out as Stripe sends them: after a short random delay each, retried on failure.`;

function fail(message: string): never {
  console.error(`fake-stripe: ${message}\n${usage}`);
  process.exit(2);
}

let values: {
  port?: string;
  'webhook-url'?: string;
  'secret-key'?: string;
  'webhook-secret'?: string;
  help?: boolean;
};
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '12111' },
      'webhook-url': { type: 'string' },
      'secret-key': { type: 'string' },
      'webhook-secret': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  fail(`--port: not a port: ${values.port}`);
const webhookUrl = values['webhook-url'];
if (webhookUrl !== undefined && !/^https?:\/\/[^/]/.test(webhookUrl)) {
  fail(`--webhook-url: not an http(s) URL: ${webhookUrl}`);
}
const secretKey = values['secret-key'];
if (secretKey !== undefined && !/^sk_test_\w+$/.test(secretKey)) {
  fail('--secret-key: must look like sk_test_…');
}
const webhookSecret = values['webhook-secret'];
if (webhookSecret !== undefined && !/^whsec_\w+$/.test(webhookSecret)) {
  fail('--webhook-secret: must look like whsec_…');
}

const fake = await startFakeStripe({ port, webhookUrl, secretKey, webhookSecret }).catch(
  (error: unknown) =>
    fail(
      `could not listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : error}`,
    ),
);

console.log(`Fake Stripe API at ${fake.url} (test mode; nothing reaches Stripe)

STRIPE_API_BASE_URL=${fake.url}
STRIPE_SECRET_KEY=${fake.secretKey}
STRIPE_WEBHOOK_SECRET=${fake.webhookSecret}

Webhooks go to ${fake.webhookUrl ?? 'nowhere (pass --webhook-url)'}. Stop with Ctrl+C.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void fake.close().then(() => process.exit(0));
  });
}
