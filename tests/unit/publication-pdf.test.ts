import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_TEXT } from '@/lib/publications/limits';
import { normaliseText, readPdf } from '@/lib/publications/pdf';
import { makePdf } from '@/tests/support/pdf';

describe('readPdf', () => {
  it('reads the page count and the text, its whitespace normalised', async () => {
    const bytes = await makePdf(['First   page  with    zephyrquill', 'Second page', 'Third']);
    const reading = await readPdf(bytes);
    expect(reading).toEqual({
      ok: true,
      pageCount: 3,
      text: expect.stringMatching(/^First page with zephyrquill Second page Third$/),
    });
  });

  it('refuses a file that is not a PDF, whatever it is called', async () => {
    const reading = await readPdf(new TextEncoder().encode('<html><body>%PDF-1.7</body></html>'));
    expect(reading).toEqual({ ok: false, error: expect.stringMatching(/^That file is not a PDF/) });
  });

  it('refuses a truncated PDF', async () => {
    const bytes = await makePdf(['A page that will be cut short']);
    for (const length of [200, Math.floor(bytes.length * 0.6), bytes.length - 8]) {
      expect(await readPdf(bytes.subarray(0, length))).toEqual({
        ok: false,
        error: expect.stringMatching(/could not be read: the file may be damaged or incomplete/),
      });
    }
  });

  it('refuses a PDF with the header and end marker but nothing a reader can open', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\nnonsense\n%%EOF\n');
    expect(await readPdf(bytes)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/damaged/),
    });
  });

  it('refuses a password-protected PDF and an encrypted one, each with its reason', async () => {
    const locked = await makePdf(['secret'], { userPassword: 'open sesame' });
    expect(await readPdf(locked)).toEqual({
      ok: false,
      error: expect.stringMatching(/protected by a password/),
    });
    const restricted = await makePdf(['restricted'], {
      ownerPassword: 'owner',
      permissions: { copying: false },
    });
    expect(await readPdf(restricted)).toEqual({
      ok: false,
      error: expect.stringMatching(/encrypted/),
    });
  });

  it('refuses a file over the cap before reading it, naming both sizes', async () => {
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(new TextEncoder().encode('%PDF-1.7'));
    expect(await readPdf(big)).toEqual({
      ok: false,
      error: 'PDFs must be 40 MB or smaller; this one is 40.1 MB.',
    });
  });

  it('keeps at most the capped length of text, cut between words', async () => {
    const word = 'lexeme ';
    const page = word.repeat(1500);
    const pages = Array.from(
      { length: Math.ceil(MAX_DOCUMENT_TEXT / page.length) + 3 },
      () => page,
    );
    const reading = await readPdf(await makePdf(pages));
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.pageCount).toBeGreaterThanOrEqual(pages.length);
    expect(reading.text.length).toBeLessThanOrEqual(MAX_DOCUMENT_TEXT);
    expect(reading.text.length).toBeGreaterThan(MAX_DOCUMENT_TEXT * 0.9);
    expect(reading.text.endsWith('lexeme')).toBe(true);
  }, 60_000);
});

describe('normaliseText', () => {
  it('folds every run of whitespace and control characters into one space', () => {
    expect(normaliseText(' a\n\n b\u0000c\u00ad d\u2029e\t ')).toBe('a b c d e');
  });
});
