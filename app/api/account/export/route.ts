import { exportAccountData } from '@/lib/auth/account-data';
import { getViewer } from '@/lib/auth/viewer';

export const dynamic = 'force-dynamic';

export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return Response.json({ error: 'Log in to download your data.' }, { status: 401 });
  const data = await exportAccountData(viewer.id);
  if (!data) return Response.json({ error: 'Log in to download your data.' }, { status: 401 });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="my-data.json"',
      'Cache-Control': 'private, no-store',
    },
  });
}
