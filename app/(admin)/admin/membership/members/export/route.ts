import { membershipsCsv } from '@/lib/membership/admin-reads';
import { csvDownload } from '../../../donations/csv-download';

/** The memberships the page's filters select, as CSV. */
export function GET(request: Request) {
  return csvDownload(request, membershipsCsv);
}
