import { createHash } from 'node:crypto';

// Beside the images' uploads/ prefix, and never served by app/media, which serves uploads/ alone:
// a PDF leaves only through the publication's download route, which applies the body's rule.
const documentPrefix = 'documents/';

export const documentHash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A PDF's storage key, named by its content, so the same file uploaded twice lands on one key. */
export function documentKeyFor(bytes: Uint8Array): string {
  return `${documentPrefix}${documentHash(bytes)}.pdf`;
}

/** The short version of a key's hash that a download's address carries, so a new PDF is a new URL. */
export function documentVersion(storageKey: string): string {
  return storageKey.slice(documentPrefix.length, documentPrefix.length + 12);
}
