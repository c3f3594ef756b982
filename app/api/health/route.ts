import { checkHealth } from '@/lib/platform/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const report = await checkHealth();
  return Response.json(
    { status: report.ok ? 'ok' : 'unavailable', database: report.database },
    { status: report.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
