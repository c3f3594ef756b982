import { z } from 'zod';
import { uploadKeySchema } from '@/lib/media/keys';
import { getStorage } from '@/lib/storage';

const paramsSchema = z.object({
  key: z
    .array(z.string())
    .transform((segments) => segments.join('/'))
    .pipe(uploadKeySchema),
});

export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const parsed = paramsSchema.safeParse(await params);
  const file = parsed.success ? await getStorage().get(parsed.data.key) : null;
  if (!file) {
    return new Response('Not found', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    });
  }
  return new Response(file.bytes, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.bytes.byteLength),
      // Keys are named by the file's hash, so the bytes behind a URL never change.
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
