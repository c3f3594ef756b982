import 'server-only';
import { sql } from 'drizzle-orm';
import { getConnection } from '@/db/client';
import { describeDatabaseError } from '@/db/errors';
import { requestLogger } from '@/lib/request-log';

export interface HealthReport {
  ok: boolean;
  database: { ok: boolean; engine: string; latencyMs?: number; problem?: string };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
        ms,
      ).unref(),
    ),
  ]);
}

export async function checkHealth(): Promise<HealthReport> {
  const started = performance.now();
  let engine = 'unknown';
  try {
    const connection = getConnection();
    engine = connection.engine;
    await withTimeout(connection.db.execute(sql`select 1`), 3000);
    const latencyMs = Math.round(performance.now() - started);
    return { ok: true, database: { ok: true, engine, latencyMs } };
  } catch (error) {
    const problem =
      describeDatabaseError(error, process.env.DATABASE_URL) ?? 'the database did not answer';
    const log = await requestLogger();
    log.error({ engine, problem }, 'health: database check failed');
    return { ok: false, database: { ok: false, engine, problem: 'unreachable' } };
  }
}
