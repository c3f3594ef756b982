import { startEmailWorker } from '@/lib/email/worker';
import { startHousekeeping } from '@/lib/housekeeping/schedule';
import { startMembershipReconciliation } from '@/lib/membership/nightly';
import { startGoLive } from './go-live';

/**
 * The site's background jobs: e-mail delivery from the outbox, scheduled pieces going live at
 * their time, pruning what grows and the nightly check of memberships against Stripe. They run
 * in the worker (`npm run worker`, scripts/worker.ts), several of which may run at once, or in
 * the web process itself with the embedded database (see JOBS in lib/platform/env.ts). Returns a function that stops them.
 */
export function startBackgroundJobs(): () => void {
  const stops = [
    startEmailWorker(),
    startGoLive(),
    startHousekeeping(),
    startMembershipReconciliation(),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
