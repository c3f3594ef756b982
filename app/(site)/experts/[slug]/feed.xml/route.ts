import { personFeedResponse } from '@/lib/feeds/person-feed';

// The address of an expert's feed before /people: feed readers keep fetching it, and not all of
// them follow a redirect, so it still answers with the person's feed.
export const revalidate = 60;

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return personFeedResponse((await params).slug);
}
