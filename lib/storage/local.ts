// Without a 'server-only' guard, as index.ts.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertSafeStorageKey, type MediaStorage } from './storage';

// The folder keeps bare files, so a file's type comes from its name, as with any static file
// server; put() refuses a key whose extension says otherwise, so get() returns what was put.
const contentTypes: Record<string, string> = {
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

function contentTypeOf(key: string): string {
  return contentTypes[path.extname(key).toLowerCase()] ?? 'application/octet-stream';
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/**
 * Files in a folder on this machine. Fine for one server, or several sharing the folder; past
 * that, an object-storage driver takes its place (see index.ts).
 */
export function createLocalStorage(root: string, publicPath: string): MediaStorage {
  const base = path.resolve(root);

  function fileOf(key: string): string {
    assertSafeStorageKey(key);
    return path.join(base, ...key.split('/'));
  }

  return {
    async put(key, bytes, contentType) {
      const file = fileOf(key);
      const expected = contentTypeOf(key);
      if (contentType !== expected) {
        throw new Error(`The key ${key} would be served as ${expected}, not ${contentType}.`);
      }
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Written beside the target and renamed over it: a rename within one folder is atomic,
      // so a reader gets the old file or the new one, never a partial write.
      const temporary = path.join(
        path.dirname(file),
        `.${path.basename(file)}.${randomBytes(8).toString('hex')}.tmp`,
      );
      try {
        const handle = await fs.open(temporary, 'wx');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(temporary, file);
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
      }
    },

    async get(key) {
      const file = fileOf(key);
      try {
        return { bytes: await fs.readFile(file), contentType: contentTypeOf(key) };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },

    publicUrl(key) {
      assertSafeStorageKey(key);
      return `${publicPath}/${key}`;
    },
  };
}
