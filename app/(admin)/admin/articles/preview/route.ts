import { z } from 'zod';
import { checkRole } from '@/lib/auth/viewer';
import { renderMarkdown } from '@/lib/content/markdown';

// The article schema allows 200,000 characters of body; a character takes up to 4 bytes in UTF-8,
// and the JSON around it a little more.
const maxBodyBytes = 900_000;

const previewSchema = z.object({
  markdown: z.string().max(200_000, 'The body is too long: keep it under 200,000 characters.'),
});

const noStore = { 'Cache-Control': 'no-store' };

/**
 * The Markdown preview: the body rendered by the very renderer and sanitiser the public article
 * page uses, so the editor sees what readers will. A POST, as the body may be long.
 */
export async function POST(request: Request) {
  const access = await checkRole(['editor', 'admin']);
  if (!access.ok) {
    const status = access.reason === 'signed-out' ? 401 : 403;
    return Response.json(
      { error: 'Only editors can preview articles.' },
      { status, headers: noStore },
    );
  }
  if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) {
    return Response.json(
      { error: 'The body is too long to preview.' },
      { status: 413, headers: noStore },
    );
  }
  const parsed = previewSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    return Response.json(
      { error: parsed.error.issues[0]?.message ?? 'Send the Markdown to preview.' },
      { status: 422, headers: noStore },
    );
  }
  return Response.json({ html: renderMarkdown(parsed.data.markdown) }, { headers: noStore });
}
