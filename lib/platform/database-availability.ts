/**
 * Whether the database is known to be unreachable, shared by everything in the server process
 * (the proxy, pages, route handlers and instrumentation are bundled apart but share globalThis).
 * Only failures to reach the server count; a query that fails for its own reasons does not.
 * lib/platform/database-watch.ts marks an outage and probes until the database answers again.
 */
const globalKey = Symbol.for('northgate.database.availability');
type Global = typeof globalThis & { [globalKey]?: { downSince: number | null } };

function state() {
  const store = globalThis as Global;
  store[globalKey] ??= { downSince: null };
  return store[globalKey];
}

/** When the current outage began (epoch ms), or null while the database is reachable. */
export function databaseDownSince(): number | null {
  return state().downSince;
}

/** Returns true when this call began an outage. */
export function markDatabaseDown(now = Date.now()): boolean {
  const current = state();
  if (current.downSince !== null) return false;
  current.downSince = now;
  return true;
}

/** Returns true when this call ended an outage. */
export function markDatabaseUp(): boolean {
  const current = state();
  if (current.downSince === null) return false;
  current.downSince = null;
  return true;
}
