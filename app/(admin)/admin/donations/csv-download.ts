import { AdminOnlyError, type Actor } from '@/lib/auth/who';
import type { CsvExport } from '@/lib/admin/donations/csv';
import type { Invalid } from '@/lib/admin/donations/filters';
import { checkRole } from '@/lib/auth/viewer';

const noStore = { 'Cache-Control': 'no-store' };

const refused = () =>
  Response.json(
    { error: 'Only administrators can download these records.' },
    { status: 403, headers: noStore },
  );

/**
 * Answers a CSV export to an administrator; 403 to anyone else, signed in or not, and 400 with
 * each field's problem when the query does not fit.
 */
export async function csvDownload(
  request: Request,
  produce: (actor: Actor, query: Record<string, string>) => Promise<CsvExport | Invalid>,
): Promise<Response> {
  const access = await checkRole(['admin']);
  if (!access.ok) return refused();
  let result: CsvExport | Invalid;
  try {
    result = await produce(access.user, Object.fromEntries(new URL(request.url).searchParams));
  } catch (error) {
    // The role is checked again with the data: it may have been taken away a moment ago.
    if (error instanceof AdminOnlyError) return refused();
    throw error;
  }
  if (!result.ok) {
    return Response.json(
      { error: 'Check the dates and filters.', fieldErrors: result.fieldErrors },
      { status: 400, headers: noStore },
    );
  }
  // The byte-order mark makes Excel read the file as UTF-8, so names like Siân survive.
  return new Response(`\uFEFF${result.csv}`, {
    headers: {
      ...noStore,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${result.filename}"`,
    },
  });
}
