import { DatabaseLockedError } from './pglite-lock';

function* causes(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    yield current as Record<string, unknown>;
    const errors = (current as { errors?: unknown[] }).errors;
    if (Array.isArray(errors) && errors[0]) yield errors[0] as Record<string, unknown>;
    current = (current as { cause?: unknown }).cause;
  }
}

function target(url: string | undefined): string {
  if (!url) return 'the database server';
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'the database server';
  }
}

/**
 * One line saying what is wrong with the database connection and what to do,
 * or null when the error is not about reaching the database.
 */
export function describeDatabaseError(error: unknown, databaseUrl?: string): string | null {
  const where = target(databaseUrl);
  const fix = 'Start it, correct DATABASE_URL, or unset DATABASE_URL to use the embedded database.';
  for (const cause of causes(error)) {
    if (cause instanceof DatabaseLockedError) return cause.message;
    switch (cause.code) {
      case 'ECONNREFUSED':
        return `Cannot reach PostgreSQL at ${where}: connection refused. ${fix}`;
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return `Cannot reach PostgreSQL at ${where}: host not found. ${fix}`;
      case 'ETIMEDOUT':
      case 'CONNECT_TIMEOUT':
        return `Cannot reach PostgreSQL at ${where}: the connection timed out. ${fix}`;
      case 'CONNECTION_CLOSED':
      case 'CONNECTION_ENDED':
      case 'ECONNRESET':
        return `The connection to PostgreSQL at ${where} was closed. ${fix}`;
      case '3D000':
        return `The database in DATABASE_URL does not exist (${where}). Create it (createdb) or correct DATABASE_URL.`;
      case '28P01':
      case '28000':
        return `PostgreSQL at ${where} refused the credentials in DATABASE_URL. Correct the user or password.`;
      case '57P03':
        return `PostgreSQL at ${where} is starting up or shutting down. Try again in a moment.`;
    }
  }
  return null;
}

// Codes that mean the server could not be reached or dropped the connection, as opposed to a
// query that failed on its own: node's socket errors, postgres.js's own, and PostgreSQL's
// connection-exception (08xxx) and operator-intervention (57P0x) states.
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
]);

/** Whether an error says the database server is out of reach rather than that a query failed. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (const cause of causes(error)) {
    if (typeof cause.code === 'string' && unreachableCodes.has(cause.code)) return true;
  }
  return false;
}

/**
 * The constraint a PostgreSQL error names when it has the given SQLSTATE (23505 unique,
 * 23503 foreign key, 23001 a restricted delete), or null. Drizzle wraps driver errors, and the two drivers spell the
 * constraint's field differently.
 */
export function violatedConstraint(
  error: unknown,
  code: '23001' | '23503' | '23505',
): string | null {
  for (const cause of causes(error)) {
    if (cause.code === code) return String(cause.constraint ?? cause.constraint_name ?? '');
  }
  return null;
}
