import 'server-only';
import { getConnection } from '@/db/client';
import { describeDatabaseError } from '@/db/errors';
import { requestLogger } from '@/lib/platform/request-log';
import { noteDatabaseReachable, pingDatabase, reportDatabaseError } from './database-watch';

export interface HealthReport {
  ok: boolean;
  database: { ok: boolean; engine: string; latencyMs?: number; problem?: string };
}

export async function checkHealth(): Promise<HealthReport> {
  const started = performance.now();
  let engine = 'unknown';
  try {
    engine = getConnection().engine;
    await pingDatabase();
    const latencyMs = Math.round(performance.now() - started);
    noteDatabaseReachable();
    return { ok: true, database: { ok: true, engine, latencyMs } };
  } catch (error) {
    reportDatabaseError(error);
    const problem =
      describeDatabaseError(error, process.env.DATABASE_URL) ?? 'the database did not answer';
    const log = await requestLogger();
    log.error({ engine, problem }, 'health: database check failed');
    return { ok: false, database: { ok: false, engine, problem: 'unreachable' } };
  }
}
