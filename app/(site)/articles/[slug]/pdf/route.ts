import { getViewer } from '@/lib/auth/viewer';
import { isSlug } from '@/lib/content/slug';
import { readerOf } from '@/lib/membership/reader';
import { decidePdfAccess, pdfDisposition, readPdfFile } from '@/lib/publications/download';
import { pdfVersionPath } from '@/lib/publications/paths';

// A publication's PDF, under the same rule as its body. Public ones: browsers keep a version
// (?v=, the start of the file's hash) for a year, while shared caches keep it a minute, as they
// keep pages, so a PDF taken down or made members-only leaves nginx and CDNs as soon as the
// page does. Everything else is private and never stored: not by nginx, nor by the page cache,
// which keeps only the pages lib/page-cache/public-pages.ts names.

const notStored = 'private, no-store';

function text(status: number, body: string, cacheControl: string): Response {
  return new Response(`${body}\n`, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * Someone who followed a members' PDF link gets a way on rather than a dead end: a plain page
 * (no script, no style, so it needs nothing from the page shell) linking back, to log in and to join.
 */
function refusal(slug: string): Response {
  const article = `/articles/${slug}`;
  const login = `/login?callbackUrl=${encodeURIComponent(article)}`;
  const body = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>This PDF is for members</title></head>
<body>
<main>
<h1>This PDF is for members</h1>
<p>Log in, or become a member, to download it.</p>
<ul>
<li><a href="${login}">Log in</a></li>
<li><a href="/membership">Become a member</a></li>
<li><a href="${article}">Back to the publication</a></li>
</ul>
</main>
</body>
</html>
`;
  return new Response(body, {
    status: 403,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': notStored,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!isSlug(slug)) return text(404, 'Not found', notStored);
  const reader = await readerOf(await getViewer());
  const decision = await decidePdfAccess(slug, reader);
  if (decision.outcome === 'not-found') return text(404, 'Not found', notStored);
  if (decision.outcome === 'refused') return refusal(slug);

  const { searchParams } = new URL(request.url);
  if (decision.public && searchParams.get('v') !== decision.version) {
    return new Response(null, {
      status: 307,
      headers: {
        Location: pdfVersionPath(slug, decision.version),
        'Cache-Control': 'public, max-age=60, s-maxage=60',
      },
    });
  }
  const cacheControl = decision.public
    ? 'public, max-age=31536000, s-maxage=60, immutable'
    : notStored;
  const etag = `"${decision.version}"`;
  if (decision.public && request.headers.get('if-none-match') === etag) {
    return new Response(null, {
      status: 304,
      headers: { ETag: etag, 'Cache-Control': cacheControl },
    });
  }
  const file = await readPdfFile(decision.storageKey);
  if (!file) return text(404, 'Not found', notStored);
  return new Response(file.bytes, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': pdfDisposition(decision.filename),
      'Cache-Control': cacheControl,
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
