import { z } from 'zod';
import { getHeaderAccount } from '@/lib/auth/viewer-header';
import { isSlug } from '@/lib/content/slug';

export const dynamic = 'force-dynamic';

// Personal: never kept by the browser or a shared cache, and one answer per session cookie.
const personal = { 'Cache-Control': 'private, no-store', Vary: 'Cookie' };

const querySchema = z.object({
  article: z.string().refine(isSlug, 'article must be the slug of an article').nullable(),
});

/** Who the header shows as signed in, for the page the reader is on (?article=<slug>). */
export async function GET(request: Request) {
  const query = querySchema.safeParse({
    article: new URL(request.url).searchParams.get('article'),
  });
  if (!query.success) {
    return Response.json(
      { error: query.error.issues[0]!.message },
      { status: 400, headers: personal },
    );
  }
  const account = await getHeaderAccount(query.data.article);
  if (!account) {
    return Response.json(
      { error: 'Who is signed in cannot be read just now.' },
      { status: 503, headers: { ...personal, 'Retry-After': '30' } },
    );
  }
  return Response.json(account, { headers: personal });
}
