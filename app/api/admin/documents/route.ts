import { z } from 'zod';
import { checkRole } from '@/lib/auth/viewer';
import { readBytesWithin } from '@/lib/platform/request-body';
import { uploadDocument } from '@/lib/publications/documents';
import { MAX_DOCUMENT_BYTES, megabytes } from '@/lib/publications/limits';
import { isSameOriginPost } from '@/lib/security/same-origin';

// A PDF from the article editor. A route handler rather than a server action, so the cap on
// the body is this upload's own (Next's server actions keep theirs, for every form), and nobody
// but an editor gets as far as sending one: the session is checked before the body is read.
// deploy/nginx/northgate-proxy.conf lets this path alone carry a body this large.

// The PDF plus the multipart framing and the file's name.
const maxBodyBytes = MAX_DOCUMENT_BYTES + 64 * 1024;

const tooLarge = `PDFs must be ${megabytes(MAX_DOCUMENT_BYTES)} or smaller.`;
const noFile = 'Choose a PDF file to upload.';

const fileSchema = z.custom<File>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as File).arrayBuffer === 'function' &&
    typeof (value as File).size === 'number' &&
    (value as File).size > 0,
  { error: noFile },
);

function answer(status: number, body: object, close = false): Response {
  return Response.json(body, {
    status,
    headers: { 'Cache-Control': 'no-store', ...(close ? { Connection: 'close' } : {}) },
  });
}

export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginPost(request.headers)) {
    return answer(403, { ok: false, error: 'Upload from the article editor on this site.' });
  }
  const access = await checkRole(['editor', 'admin']);
  if (!access.ok) {
    return access.reason === 'signed-out'
      ? answer(401, { ok: false, error: 'Your session has ended. Log in again to upload.' })
      : answer(403, { ok: false, error: 'Only editors and administrators can upload PDFs.' });
  }
  const body = await readBytesWithin(request, maxBodyBytes);
  if (!body.ok) return answer(413, { ok: false, error: tooLarge }, true);

  let form: FormData;
  try {
    form = await new Request(request.url, {
      method: 'POST',
      headers: { 'Content-Type': request.headers.get('content-type') ?? '' },
      body: new Uint8Array(body.bytes),
    }).formData();
  } catch {
    return answer(400, { ok: false, error: noFile });
  }
  const file = fileSchema.safeParse(form.get('file'));
  if (!file.success) return answer(422, { ok: false, error: noFile });

  const result = await uploadDocument(access.user, {
    bytes: new Uint8Array(await file.data.arrayBuffer()),
    filename: file.data.name,
  });
  if (!result.ok) return answer(422, result);
  const { id, filename, pageCount, bytes } = result.document;
  return answer(200, {
    ok: true,
    document: { id, filename, pageCount, bytes },
    alreadyUploaded: result.alreadyUploaded,
  });
}
