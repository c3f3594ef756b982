import { subscribersCsv } from '@/lib/newsletters/subscriber-admin';
import { csvDownload } from '../../../donations/csv-download';

/** The subscriptions matching the list's filters, as CSV. */
export function GET(request: Request) {
  return csvDownload(request, subscribersCsv);
}
