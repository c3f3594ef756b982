import { donationsCsv } from '@/lib/admin/donations/csv';
import { csvDownload } from '../csv-download';

/** The donations matching the list's filters, as CSV. */
export function GET(request: Request) {
  return csvDownload(request, donationsCsv);
}
