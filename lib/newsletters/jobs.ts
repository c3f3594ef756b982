// No 'server-only' here: the worker (scripts/worker.ts) runs this.
import { and, eq, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { newsletterIssues } from '@/db/schema';
import { repeat } from '@/lib/jobs/repeat';
import { reportDatabaseError } from '@/lib/platform/database-watch';
import { logger } from '@/lib/platform/log';
import { startAutomaticSends } from './automatic';
import { deliverNewsletterBatch, newsletterBacklog, startIssueSend } from './delivery';

const everyMs = 15_000;

/** Starts the issues whose scheduled time has come. Returns their ids. */
export async function startScheduledIssues(): Promise<string[]> {
  const due = await getDb()
    .select({ id: newsletterIssues.id })
    .from(newsletterIssues)
    .where(
      and(eq(newsletterIssues.status, 'scheduled'), lte(newsletterIssues.scheduledAt, sql`now()`)),
    );
  const started: string[] = [];
  for (const { id } of due) {
    const result = await startIssueSend(id);
    if (result.ok) started.push(id);
    else if (result.reason !== 'already-started') {
      logger.warn({ issueId: id, reason: result.reason }, 'newsletter: scheduled issue not sent');
    }
  }
  return started;
}

/**
 * The newsletters' background work, every 15 s: starts scheduled issues and the automatic
 * sends that are due (lib/newsletters/automatic.ts), then hands a batch of recipients to the
 * mail server, straight on while recipients wait. Returns a function that stops it.
 */
export function startNewsletterJobs(intervalMs = everyMs): () => void {
  let failing = false;
  return repeat(
    'newsletters',
    async () => {
      try {
        const started = [...(await startScheduledIssues()), ...(await startAutomaticSends())];
        if (started.length) logger.info({ issues: started }, 'newsletter sends started');
        const done = await deliverNewsletterBatch();
        if (done.sent + done.failed) logger.info({ ...done }, 'newsletter batch handed over');
        if (failing) logger.info('newsletters: running again');
        failing = false;
        return newsletterBacklog();
      } catch (error) {
        reportDatabaseError(error);
        if (!failing) logger.error({ err: error }, 'newsletters: could not run; it keeps trying');
        failing = true;
        return false;
      }
    },
    { intervalMs, firstMs: 0 },
  );
}
