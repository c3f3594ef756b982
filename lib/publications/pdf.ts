import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_TEXT, megabytes } from './limits';

export type PdfReading =
  { ok: true; pageCount: number; text: string } | { ok: false; error: string };

const notAPdf = 'That file is not a PDF. Export the publication as a PDF and upload that.';
const damaged =
  'That PDF could not be read: the file may be damaged or incomplete. Export it again and upload the new file.';
const protectedPdf =
  'That PDF is protected by a password. Save a copy without a password and upload that.';
const encrypted =
  'That PDF is encrypted (its permissions restrict printing or copying). Save a copy without security settings and upload that.';

const header = new TextEncoder().encode('%PDF-');
const endMarker = '%%EOF';

function startsWithHeader(bytes: Uint8Array): boolean {
  return header.every((byte, index) => bytes[index] === byte);
}

// A PDF ends with %%EOF; readers allow a little trailing junk after it, as Acrobat does within
// its last kilobyte. A file cut short in transfer lacks it, though pdf.js would often rebuild one.
function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.byteLength - 1024))).toString('latin1');
  return tail.includes(endMarker);
}

/** Runs of whitespace become one space, and control characters go: what a search vector needs. */
export function normaliseText(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
}

function capText(text: string): string {
  if (text.length <= MAX_DOCUMENT_TEXT) return text;
  // Cut at a space, so no half word becomes a lexeme of its own.
  const cut = text.slice(0, MAX_DOCUMENT_TEXT);
  const space = cut.lastIndexOf(' ');
  return space > MAX_DOCUMENT_TEXT * 0.9 ? cut.slice(0, space) : cut;
}

/**
 * Checks that the bytes are a PDF by their content and reads its page count and text: the
 * header, the end marker, and pdf.js opening every page. Password-protected and encrypted files
 * are refused, as their text cannot be searched and readers may be unable to open them.
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    return {
      ok: false,
      error: `PDFs must be ${megabytes(MAX_DOCUMENT_BYTES)} or smaller; this one is ${megabytes(bytes.byteLength)}.`,
    };
  }
  if (!startsWithHeader(bytes)) return { ok: false, error: notAPdf };
  if (!hasEndMarker(bytes)) return { ok: false, error: damaged };

  const task = getDocument({
    // pdf.js takes over the buffer it is given: a copy leaves the caller's bytes intact.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    const document = await task.promise;
    const { info } = (await document.getMetadata()) as { info: { EncryptFilterName?: unknown } };
    if (info.EncryptFilterName) return { ok: false, error: encrypted };
    const pages: string[] = [];
    let length = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      // Every page is opened, so a file whose pages cannot be read is refused; text stops being
      // gathered once there is enough of it.
      if (length <= MAX_DOCUMENT_TEXT) {
        const content = await page.getTextContent();
        const text = content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
          .join('');
        pages.push(text);
        length += text.length;
      }
      page.cleanup();
    }
    return {
      ok: true,
      pageCount: document.numPages,
      text: capText(normaliseText(pages.join('\n'))),
    };
  } catch (error) {
    if ((error as Error)?.name === 'PasswordException') return { ok: false, error: protectedPdf };
    return { ok: false, error: damaged };
  } finally {
    await task.destroy();
  }
}
