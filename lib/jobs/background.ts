import { startEmailWorker } from '@/lib/email/worker';
import { startHousekeeping } from '@/lib/housekeeping/schedule';
import { startMembershipJobs } from '@/lib/membership/jobs';
import { startNewsletterJobs } from '@/lib/newsletters/jobs';
import { startGoLive } from './go-live';

/**
 * The site's background jobs: e-mail delivery from the outbox, scheduled pieces going live at
 * their time, pruning what grows, gift memberships sent on their day and the nightly check of
 * memberships against Stripe, and newsletters. They run in the worker (`npm run worker`, scripts/worker.ts),
 * several of which may run at once, or in the web process itself with the embedded database
 * (see JOBS in lib/platform/env.ts). Returns a function that stops them.
 */
export function startBackgroundJobs(): () => void {
  const stops = [
    startEmailWorker(),
    startGoLive(),
    startHousekeeping(),
    startMembershipJobs(),
    startNewsletterJobs(),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
