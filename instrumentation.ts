export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { prepareServer } = await import('@/lib/startup');
  await prepareServer();
}

/**
 * Every error a page, route handler or server action throws. One that says the database is out
 * of reach switches the site to its outage mode (lib/database-watch.ts) at the first failure.
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { reportDatabaseError } = await import('@/lib/database-watch');
  reportDatabaseError(error);
}
