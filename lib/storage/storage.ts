/** A stored file as a driver gives it back. */
export interface StoredFile {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
}

/**
 * Where uploaded files live, behind one interface so that the site can move from a local folder
 * to object storage without its callers noticing. Every method refuses an unsafe key.
 */
export interface MediaStorage {
  /** Stores the bytes under the key, replacing what was there; readers never see half a file. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file under the key, or null when there is none. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file under the key; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** The URL a browser fetches the file from. */
  publicUrl(key: string): string;
}

export class UnsafeStorageKeyError extends Error {
  constructor(key: string) {
    super(`Not a safe storage key: ${JSON.stringify(key.slice(0, 200))}`);
    this.name = 'UnsafeStorageKeyError';
  }
}

// A segment cannot start with a dot, so "." and ".." are impossible and the drivers' own hidden
// temporary files can never be named by a key.
const segmentPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * Whether a key is a relative path of plain segments joined by "/": no "..", no leading "/",
 * no backslashes or other characters a file system or object store would treat specially.
 */
export function isSafeStorageKey(key: string): boolean {
  return key.length <= 1024 && key.split('/').every((segment) => segmentPattern.test(segment));
}

export function assertSafeStorageKey(key: string): void {
  if (!isSafeStorageKey(key)) throw new UnsafeStorageKeyError(key);
}
