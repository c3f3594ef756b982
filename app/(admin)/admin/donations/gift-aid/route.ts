import { giftAidClaimCsv } from '@/lib/admin/donations/gift-aid-claim';
import { csvDownload } from '../csv-download';

/** HMRC's Gift Aid schedule for the gifts paid between ?from= and ?to=, as CSV. */
export function GET(request: Request) {
  return csvDownload(request, giftAidClaimCsv);
}
