import { personFeedResponse } from '@/lib/feeds/person-feed';

export const revalidate = 60;

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return personFeedResponse((await params).slug);
}
