import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/platform/env';
import { createStorage, storageConfig, UnsafeStorageKeyError } from '@/lib/storage';
import { createLocalStorage } from '@/lib/storage/local';

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'media-storage-'));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('local media storage', () => {
  it('puts, gets and deletes a file under a nested key', async () => {
    const storage = createLocalStorage(root, '/media');
    const bytes = new Uint8Array([1, 2, 3, 4]);
    await storage.put('uploads/abc.png', bytes, 'image/png');

    expect(await filesUnder(root)).toEqual([path.join('uploads', 'abc.png')]);
    const file = await storage.get('uploads/abc.png');
    expect(file?.contentType).toBe('image/png');
    expect(Buffer.from(file!.bytes)).toEqual(Buffer.from(bytes));
    expect(storage.publicUrl('uploads/abc.png')).toBe('/media/uploads/abc.png');

    await storage.delete('uploads/abc.png');
    expect(await storage.get('uploads/abc.png')).toBeNull();
    await expect(storage.delete('uploads/abc.png')).resolves.toBeUndefined();
  });

  it('answers null for a missing key, or one that names a folder', async () => {
    const storage = createLocalStorage(root, '/media');
    expect(await storage.get('uploads/none.jpg')).toBeNull();
    await storage.put('uploads/a.jpg', new Uint8Array([9]), 'image/jpeg');
    expect(await storage.get('uploads')).toBeNull();
    expect(await storage.get('uploads/a.jpg/b.jpg')).toBeNull();
  });

  it('refuses a content type the key’s extension would not be served as', async () => {
    const storage = createLocalStorage(root, '/media');
    await expect(storage.put('uploads/a.jpg', new Uint8Array([1]), 'image/png')).rejects.toThrow(
      /served as image\/jpeg/,
    );
    expect(await filesUnder(root)).toEqual([]);
  });

  it.each([
    '',
    '../escape.png',
    'uploads/../../escape.png',
    '..',
    '/etc/passwd',
    '/tmp/escape.png',
    'uploads//a.png',
    'uploads/a.png/',
    './a.png',
    'uploads/./a.png',
    '.hidden.png',
    'uploads\\..\\escape.png',
    'C:\\escape.png',
    'uploads/a b.png',
    'uploads/a\0.png',
    `uploads/${'a'.repeat(300)}.png`,
  ])('refuses the unsafe key %j for every operation', async (key) => {
    const storage = createLocalStorage(path.join(root, 'store'), '/media');
    await expect(storage.put(key, new Uint8Array([1]), 'image/png')).rejects.toBeInstanceOf(
      UnsafeStorageKeyError,
    );
    await expect(storage.get(key)).rejects.toBeInstanceOf(UnsafeStorageKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(UnsafeStorageKeyError);
    expect(() => storage.publicUrl(key)).toThrow(UnsafeStorageKeyError);
    expect(await filesUnder(root)).toEqual([]);
  });

  it('replaces a file atomically: readers see the old bytes or the new, never a part', async () => {
    const storage = createLocalStorage(root, '/media');
    const before = Buffer.alloc(2 * 1024 * 1024, 'a');
    const after = Buffer.alloc(16 * 1024 * 1024, 'b');
    await storage.put('uploads/big.png', before, 'image/png');

    let writing = true;
    const write = storage
      .put('uploads/big.png', after, 'image/png')
      .finally(() => (writing = false));
    const seen = new Set<string>();
    while (writing) {
      const file = await storage.get('uploads/big.png');
      const bytes = Buffer.from(file!.bytes);
      if (bytes.equals(before)) seen.add('before');
      else if (bytes.equals(after)) seen.add('after');
      else throw new Error(`read a partial file of ${bytes.length} bytes`);
    }
    await write;

    expect(seen.has('before') || seen.has('after')).toBe(true);
    expect(Buffer.from((await storage.get('uploads/big.png'))!.bytes).equals(after)).toBe(true);
    expect(await filesUnder(root)).toEqual([path.join('uploads', 'big.png')]);
  });

  it('leaves no temporary file behind when a write fails', async () => {
    const storage = createLocalStorage(root, '/media');
    await fs.mkdir(path.join(root, 'uploads', 'taken.png'), { recursive: true });
    await expect(
      storage.put('uploads/taken.png', new Uint8Array([1]), 'image/png'),
    ).rejects.toThrow();
    expect(await filesUnder(root)).toEqual([]);
  });
});

describe('the storage factory', () => {
  it('uses the local driver in MEDIA_STORAGE_DIR, by default .data/media', async () => {
    expect(storageConfig(parseEnv({}))).toEqual({ driver: 'local', dir: '.data/media' });
    const storage = createStorage(storageConfig(parseEnv({ MEDIA_STORAGE_DIR: root })));
    await storage.put('uploads/x.webp', new Uint8Array([7]), 'image/webp');
    expect(await filesUnder(root)).toEqual([path.join('uploads', 'x.webp')]);
    expect(storage.publicUrl('uploads/x.webp')).toBe('/media/uploads/x.webp');
  });
});
