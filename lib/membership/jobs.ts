import { reportDatabaseError } from '@/lib/platform/database-watch';
import { repeat } from '@/lib/jobs/repeat';
import { logger } from '@/lib/platform/log';
import { hitRateLimit, type RateRule } from '@/lib/security/rate-limit';
import { londonToday, toLondonInput } from '@/lib/time/london';
import { deliverDueGifts, remindEndingGifts } from './gifts';
import { reconcileMemberships } from './sync';

const checkEveryMs = 30 * 60_000;
// Early morning in London: after the night's renewals, before members wake.
const fromLondonHour = 3;

// One run per London day among all the workers: the first to claim the day runs it.
const oncePerDay: RateRule = {
  bucket: 'membership-reconcile',
  limit: 1,
  windowSeconds: 2 * 86_400,
};

/**
 * The membership's background work: gifts sent on their day and reminders before gift
 * memberships end, every ten minutes; and the nightly comparison with Stripe. Returns a
 * function that stops both.
 */
export function startMembershipJobs(): () => void {
  const stops = [startGiftDelivery(), startReconciliation()];
  return () => {
    for (const stop of stops) stop();
  };
}

const giftsEveryMs = 10 * 60_000;

function startGiftDelivery(): () => void {
  return repeat(
    'membership-gifts',
    async () => {
      try {
        const delivered = await deliverDueGifts();
        const reminded = await remindEndingGifts();
        if (delivered + reminded > 0) logger.info({ delivered, reminded }, 'membership gifts');
      } catch (error) {
        reportDatabaseError(error);
        logger.error({ err: error }, 'gift delivery failed; it tries again in ten minutes');
      }
    },
    { intervalMs: giftsEveryMs, firstMs: 60_000 },
  );
}

/**
 * Compares every paid membership with Stripe once a night (lib/membership/sync.ts). Checked
 * every half hour, so a worker started at any time, or restarted, runs it that night.
 */
function startReconciliation(): () => void {
  return repeat(
    'membership-reconcile',
    async () => {
      const hour = Number(toLondonInput(new Date()).slice(11, 13));
      if (hour < fromLondonHour) return;
      try {
        if (!(await hitRateLimit(oncePerDay, londonToday())).allowed) return;
        const report = await reconcileMemberships();
        logger.info({ report }, 'memberships reconciled with Stripe');
      } catch (error) {
        reportDatabaseError(error);
        logger.error({ err: error }, 'membership reconciliation failed; it runs again tomorrow');
      }
    },
    { intervalMs: checkEveryMs, firstMs: 90_000 },
  );
}
