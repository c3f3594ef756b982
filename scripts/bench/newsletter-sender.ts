// The sending process of bench:newsletter (scripts/bench-newsletter.ts): batch after batch of
// due recipients through deliverNewsletterBatch while any wait, as the worker's newsletter job
// does (lib/newsletters/jobs.ts) without its timer and its other jobs, then it exits. A process
// of its own, so the bench can read its memory and kill it mid-send. Batch size and rate come
// from NEWSLETTER_BATCH_SIZE and NEWSLETTER_RATE, as in the worker.
import { parseArgs } from 'node:util';
import { closeConnection } from '@/db/client';
import { closeSmtpTransport } from '@/lib/email/transport';
import { deliverNewsletterBatch, newsletterBacklog } from '@/lib/newsletters/delivery';

const { values } = parseArgs({ options: { concurrency: { type: 'string', default: '4' } } });

async function main() {
  const total = { batches: 0, sent: 0, retrying: 0, failed: 0, suppressed: 0 };
  do {
    const done = await deliverNewsletterBatch({ concurrency: Number(values.concurrency) });
    total.batches += 1;
    total.sent += done.sent;
    total.retrying += done.retrying;
    total.failed += done.failed;
    total.suppressed += done.suppressed;
  } while (await newsletterBacklog());
  closeSmtpTransport();
  await closeConnection();
  // The bench reads this line.
  console.log(JSON.stringify(total));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('newsletter sender failed:', error);
    process.exit(1);
  },
);
