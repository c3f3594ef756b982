/**
 * The constraint a PostgreSQL error names when it has the given SQLSTATE (23505 unique,
 * 23503 foreign key), or null. Drizzle wraps driver errors, and the two drivers spell the
 * constraint's field differently.
 */
export function violatedConstraint(error: unknown, code: '23503' | '23505'): string | null {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const cause = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (cause.code === code) return String(cause.constraint ?? cause.constraint_name ?? '');
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
