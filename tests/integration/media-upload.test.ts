import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, auditLog, authors, media, users } from '@/db/schema';
import { GET as serveMedia } from '@/app/media/[...key]/route';
import { upsertAccount } from '@/lib/auth/accounts';
import { mediaUrl } from '@/lib/content/media';
import { deleteMedia, listMedia, updateMediaDetails } from '@/lib/media/library';
import { MAX_UPLOAD_BYTES, uploadImage } from '@/lib/media/upload';
import { getStorage } from '@/lib/storage';

// Read when the storage is first used, which is after this line: uploads land in a throwaway folder.
const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-upload-'));
process.env.MEDIA_STORAGE_DIR = storageDir;

afterAll(() => {
  fs.rmSync(storageDir, { recursive: true, force: true });
});

let editor: { id: string };
let admin: { id: string };
let member: { id: string };

async function account(email: string, role: 'member' | 'editor' | 'admin') {
  await upsertAccount(getDb(), { email, password: 'a long enough passphrase', role });
  const [row] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, email));
  return { id: row!.id };
}

beforeAll(async () => {
  editor = await account('editor@example.org', 'editor');
  admin = await account('admin@example.org', 'admin');
  member = await account('member@example.org', 'member');
});

function storedFiles(): string[] {
  if (!fs.existsSync(storageDir)) return [];
  return fs
    .readdirSync(storageDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(storageDir, path.join(entry.parentPath, entry.name)));
}

async function snapshot() {
  const [mediaRows] = await getDb().select({ value: count() }).from(media);
  const [auditRows] = await getDb().select({ value: count() }).from(auditLog);
  return { media: mediaRows!.value, audit: auditRows!.value, files: storedFiles().sort() };
}

function solid(width: number, height: number, colour: string, channels: 3 | 4 = 3) {
  return sharp({ create: { width, height, channels, background: colour } });
}

async function stored(key: string) {
  const file = await getStorage().get(key);
  if (!file) throw new Error(`nothing stored under ${key}`);
  return { ...file, bytes: Buffer.from(file.bytes) };
}

/** A PNG whose header claims a canvas far past the pixel cap, with almost no data behind it. */
function pixelBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(30_000, 0);
  header.writeUInt32BE(30_000, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('uploadImage', () => {
  it('shrinks a large JPEG to 2400 px, strips its EXIF and records it with an audit entry', async () => {
    const original = await solid(4000, 3000, '#3a6ea5')
      .jpeg({ quality: 95 })
      .withExif({
        IFD0: { Make: 'Camera Maker', Model: 'Camera 1', Copyright: 'Someone' },
        IFD3: { GPSLatitudeRef: 'N', GPSLongitudeRef: 'W' },
      })
      .toBuffer();
    expect((await sharp(original).metadata()).exif).toBeDefined();

    const result = await uploadImage(editor, {
      bytes: original,
      filename: 'harbour.jpg',
      alt: '  A harbour at dawn  ',
      credit: 'Photo: A. Person',
    });
    if (!result.ok) throw new Error(result.error);
    const row = result.media;
    expect(result.alreadyInLibrary).toBe(false);
    expect(row).toMatchObject({
      mimeType: 'image/jpeg',
      width: 2400,
      height: 1800,
      alt: 'A harbour at dawn',
      credit: 'Photo: A. Person',
      uploadedById: editor.id,
    });
    expect(row.storageKey).toMatch(/^uploads\/[0-9a-f]{64}\.jpg$/);

    const file = await stored(row.storageKey);
    expect(file.contentType).toBe('image/jpeg');
    expect(row.bytes).toBe(file.bytes.length);
    expect(row.storageKey).toContain(createHash('sha256').update(file.bytes).digest('hex'));
    const metadata = await sharp(file.bytes).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 2400, height: 1800 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(file.bytes.includes(Buffer.from('Camera Maker'))).toBe(false);

    const entries = await getDb().select().from(auditLog).where(eq(auditLog.subjectId, row.id));
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: editor.id,
        action: 'media.uploaded',
        subjectType: 'media',
        detail: expect.objectContaining({ filename: 'harbour.jpg', storageKey: row.storageKey }),
      }),
    ]);
    expect(mediaUrl(row.storageKey)).toBe(`/media/${row.storageKey}`);
  });

  it('turns a photo upright by its EXIF orientation and never enlarges a small one', async () => {
    const sideways = await solid(400, 300, '#a53a6e')
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const result = await uploadImage(admin, { bytes: sideways, filename: 'x.jpg', alt: 'Upright' });
    if (!result.ok) throw new Error(result.error);
    expect(result.media).toMatchObject({ width: 300, height: 400 });
    const metadata = await sharp((await stored(result.media.storageKey)).bytes).metadata();
    expect(metadata).toMatchObject({ width: 300, height: 400 });
    expect(metadata.orientation).toBeUndefined();
  });

  it('keeps a transparent PNG a PNG, and gives back the same row for the same image', async () => {
    const png = await solid(800, 600, '#00000000', 4).png().toBuffer();
    const first = await uploadImage(editor, { bytes: png, filename: 'logo.png', alt: 'Logo' });
    if (!first.ok) throw new Error(first.error);
    expect(first.media).toMatchObject({ mimeType: 'image/png', width: 800, height: 600 });
    expect(first.media.storageKey).toMatch(/\.png$/);
    const metadata = await sharp((await stored(first.media.storageKey)).bytes).metadata();
    expect(metadata).toMatchObject({ format: 'png', hasAlpha: true });

    const before = await snapshot();
    const again = await uploadImage(admin, { bytes: png, filename: 'copy.png', alt: 'Copy' });
    expect(again).toEqual({ ok: true, media: first.media, alreadyInLibrary: true });
    expect(await snapshot()).toEqual(before);
  });

  it('keeps an animated GIF animated and an AVIF an AVIF', async () => {
    const frames = await Promise.all(
      ['#ff0000', '#00ff00', '#0000ff'].map((colour) => solid(300, 200, colour).png().toBuffer()),
    );
    const gif = await sharp(frames, { join: { animated: true } })
      .gif()
      .toBuffer();
    const animated = await uploadImage(editor, { bytes: gif, filename: 'a.gif', alt: 'Blink' });
    if (!animated.ok) throw new Error(animated.error);
    expect(animated.media).toMatchObject({ mimeType: 'image/gif', width: 300, height: 200 });
    expect((await sharp((await stored(animated.media.storageKey)).bytes).metadata()).pages).toBe(3);

    const avif = await solid(320, 200, '#6ea53a').avif().toBuffer();
    const result = await uploadImage(editor, { bytes: avif, filename: 'a.avif', alt: 'Green' });
    if (!result.ok) throw new Error(result.error);
    expect(result.media).toMatchObject({ mimeType: 'image/avif', width: 320, height: 200 });
  });

  it('refuses what it cannot use, and who may not upload, writing nothing', async () => {
    const jpeg = await solid(640, 480, '#123456').jpeg().toBuffer();
    const before = await snapshot();
    const refusals = [
      [
        editor,
        {
          bytes: Buffer.from('Quarterly figures, not a photo.\n'),
          filename: 'photo.jpg',
          alt: 'x',
        },
        'That file is not an image we can use (JPEG, PNG, WebP, AVIF or GIF).',
      ],
      [
        editor,
        {
          bytes: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
          ),
          filename: 'chart.png',
          alt: 'x',
        },
        'That file is not an image we can use (JPEG, PNG, WebP, AVIF or GIF).',
      ],
      [
        editor,
        { bytes: new Uint8Array(0), filename: 'empty.jpg', alt: 'x' },
        'That file is not an image we can use (JPEG, PNG, WebP, AVIF or GIF).',
      ],
      [
        editor,
        {
          bytes: Buffer.concat([
            jpeg,
            Buffer.alloc(MAX_UPLOAD_BYTES + 4 * 1024 * 1024 - jpeg.length),
          ]),
          filename: 'huge.jpg',
          alt: 'x',
        },
        'Images must be 10 MB or smaller; this one is 14 MB.',
      ],
      [
        editor,
        { bytes: pixelBomb(), filename: 'bomb.png', alt: 'x' },
        'Images can have at most 100 megapixels; this one is 30000 × 30000 pixels. Save a smaller version and upload that.',
      ],
      [
        editor,
        { bytes: jpeg.subarray(0, jpeg.length / 2), filename: 'cut.jpg', alt: 'x' },
        'That image could not be read: the file may be damaged. Save it again as JPEG or PNG and upload that.',
      ],
      [
        editor,
        { bytes: jpeg, filename: 'blank.jpg', alt: '   ' },
        'Describe the image in a few words for readers who cannot see it (alt text).',
      ],
      [
        member,
        { bytes: jpeg, filename: 'mine.jpg', alt: 'Mine' },
        'Only editors and administrators can manage images.',
      ],
      [
        { id: 'no-such-account' },
        { bytes: jpeg, filename: 'mine.jpg', alt: 'Mine' },
        'Only editors and administrators can manage images.',
      ],
    ] as const;
    for (const [actor, input, error] of refusals) {
      expect(await uploadImage(actor, input), input.filename).toEqual({ ok: false, error });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an editor whose account was disabled since signing in', async () => {
    const gone = await account('gone.editor@example.org', 'editor');
    await getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id));
    const jpeg = await solid(64, 64, '#654321').jpeg().toBuffer();
    const before = await snapshot();
    expect(await uploadImage(gone, { bytes: jpeg, filename: 'a.jpg', alt: 'A' })).toEqual({
      ok: false,
      error: 'Only editors and administrators can manage images.',
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('the /media route', () => {
  const request = new Request('http://localhost/media/x');
  const get = (key: string[]) => serveMedia(request, { params: Promise.resolve({ key }) });

  it('serves an upload with its type, cached forever, and 404s anything else', async () => {
    const webp = await solid(200, 100, '#abcdef').webp().toBuffer();
    const upload = await uploadImage(editor, { bytes: webp, filename: 'w.webp', alt: 'W' });
    if (!upload.ok) throw new Error(upload.error);
    const key = upload.media.storageKey;

    const response = await get(key.split('/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual((await stored(key)).bytes);

    for (const unknown of [
      ['uploads', `${'0'.repeat(64)}.webp`],
      ['uploads', '..', '..', 'etc', 'passwd'],
      ['images', 'demo', 'helen-orvik.jpg'],
      [key.replace(/\.webp$/, '.png')],
    ]) {
      const missing = await get(unknown);
      expect(missing.status, unknown.join('/')).toBe(404);
    }
  });
});

describe('the media library', () => {
  it('lists newest first, a page at a time', async () => {
    const all = await listMedia({ page: 1, pageSize: 100 });
    expect(all.total).toBeGreaterThanOrEqual(5);
    const times = all.items.map((item) => item.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.items.every((item) => item.url === `/media/${item.storageKey}`)).toBe(true);

    const second = await listMedia({ page: 2, pageSize: 2 });
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(second.pageCount).toBe(Math.ceil(all.total / 2));
    expect(second.items.map((item) => item.id)).toEqual(all.items.slice(2, 4).map((i) => i.id));
  });

  it('updates alt text and credit with an audit entry, for editors only', async () => {
    const [target] = (await listMedia({ page: 1, pageSize: 1 })).items;
    const updated = await updateMediaDetails(admin, target!.id, { alt: 'New words', credit: '' });
    expect(updated).toMatchObject({ ok: true, media: { alt: 'New words', credit: null } });
    const [entry] = await getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'media.updated'));
    expect(entry).toMatchObject({ actorId: admin.id, subjectId: target!.id });

    expect(await updateMediaDetails(editor, target!.id, { alt: '' })).toMatchObject({
      ok: false,
      fieldErrors: { alt: expect.stringContaining('alt text') },
    });
    expect(await updateMediaDetails(member, target!.id, { alt: 'Mine' })).toEqual({
      ok: false,
      error: 'Only editors and administrators can manage images.',
    });
    expect(await updateMediaDetails(editor, 'not-a-uuid', { alt: 'x' })).toEqual({
      ok: false,
      error: 'That image is no longer in the library.',
    });
  });

  it('refuses to delete an image an article or expert shows, then deletes it and its file', async () => {
    const jpeg = await solid(500, 300, '#445566').jpeg().toBuffer();
    const upload = await uploadImage(editor, { bytes: jpeg, filename: 'h.jpg', alt: 'Hero' });
    if (!upload.ok) throw new Error(upload.error);
    const { id, storageKey } = upload.media;
    const db = getDb();
    const [article] = await db
      .insert(articles)
      .values({
        slug: 'uses-the-image',
        title: 'Ports and power',
        heroImageId: id,
        heroAlt: 'A container port',
      })
      .returning();
    const [expert] = await db
      .insert(authors)
      .values({ slug: 'jo-bloggs', name: 'Jo Bloggs', photoId: id })
      .returning();

    const before = await snapshot();
    expect(await deleteMedia(editor, id)).toEqual({
      ok: false,
      error:
        'This image is still the hero image of the article “Ports and power” and the photo of Jo Bloggs. Choose another image there first.',
    });
    expect(await deleteMedia(member, id)).toEqual({
      ok: false,
      error: 'Only editors and administrators can manage images.',
    });
    expect(await snapshot()).toEqual(before);

    await db.update(articles).set({ heroImageId: null }).where(eq(articles.id, article!.id));
    expect(await deleteMedia(editor, id)).toMatchObject({ ok: false, error: /photo of Jo Bloggs/ });
    await db.update(authors).set({ photoId: null }).where(eq(authors.id, expert!.id));

    expect(await deleteMedia(editor, id)).toEqual({ ok: true });
    expect(await db.select().from(media).where(eq(media.id, id))).toEqual([]);
    expect(await getStorage().get(storageKey)).toBeNull();
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'media.deleted'));
    expect(entry).toMatchObject({ actorId: editor.id, subjectId: id, detail: { storageKey } });
    expect(await deleteMedia(editor, id)).toEqual({
      ok: false,
      error: 'That image is no longer in the library.',
    });
  });
});
