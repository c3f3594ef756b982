import { describe, expect, it } from 'vitest';
import { checkHealth } from '@/lib/platform/health';

describe('health check', () => {
  it('reports the database reachable', async () => {
    const report = await checkHealth();
    expect(report.ok).toBe(true);
    expect(report.database.ok).toBe(true);
    expect(['pglite', 'postgres']).toContain(report.database.engine);
  });
});
