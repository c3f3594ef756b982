import type { Instrumentation } from 'next';

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { prepareServer } = await import('@/lib/platform/startup');
  await prepareServer();
}

/**
 * Every error a page, route handler or server action throws: one log line each, and one that
 * says the database is out of reach switches the site to its outage mode
 * (lib/platform/database-watch.ts) at the first failure.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ logRequestError }, { reportDatabaseError }] = await Promise.all([
    import('@/lib/platform/request-error'),
    import('@/lib/platform/database-watch'),
  ]);
  logRequestError(error, request, context);
  reportDatabaseError(error);
};
