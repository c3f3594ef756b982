import { describe, expect, it } from 'vitest';
import { readBodyWithin } from '@/lib/platform/request-body';

/** A streamed request body that counts how many chunks were pulled from it. */
function streamed(chunks: string[], headers: Record<string, string> = {}) {
  let pulled = 0;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = chunks[pulled];
        if (next === undefined) return controller.close();
        pulled += 1;
        controller.enqueue(encoder.encode(next));
      },
    },
    // Pulled only when read, as a socket is.
    { highWaterMark: 0 },
  );
  const request = new Request('http://site.test/api/stripe/webhook', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe('readBodyWithin', () => {
  it('reads a body within the limit whole, as text', async () => {
    const { request } = streamed(['{"id":', '"evt_1",', '"note":"£5"}']);
    expect(await readBodyWithin(request, 100)).toEqual({
      ok: true,
      text: '{"id":"evt_1","note":"£5"}',
    });
  });

  it('refuses a declared length over the limit without reading anything', async () => {
    const { request, pulled } = streamed(['x'.repeat(10)], { 'content-length': '20971520' });
    expect(await readBodyWithin(request, 1024)).toEqual({
      ok: false,
      bytes: 20_971_520,
      declared: true,
    });
    expect(pulled()).toBe(0);
  });

  it('stops reading a streamed body at the chunk that passes the limit', async () => {
    const { request, pulled } = streamed(Array.from({ length: 100 }, () => 'x'.repeat(400)));
    expect(await readBodyWithin(request, 1000)).toEqual({
      ok: false,
      bytes: 1200,
      declared: false,
    });
    expect(pulled()).toBe(3);
  });

  it('reads a body of exactly the limit', async () => {
    const { request } = streamed(['x'.repeat(600), 'y'.repeat(400)]);
    expect(await readBodyWithin(request, 1000)).toMatchObject({ ok: true });
  });
});
