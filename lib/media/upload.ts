import 'server-only';
import { eq } from 'drizzle-orm';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { getDb } from '@/db/client';
import { auditLog, media, type Media } from '@/db/schema';
import { getStorage } from '@/lib/storage';
import { mayManageMedia, mediaRefusal, type MediaActor } from './access';
import { mediaDetailsSchema } from './details';
import { uploadKeyFor, type ImageType } from './keys';

const megabyte = 1024 * 1024;

export const MAX_UPLOAD_BYTES = 10 * megabyte;
// Decoding cost follows the pixel count, not the file size: a file of a few kilobytes can claim
// a canvas that would take gigabytes to decode. 100 megapixels covers cameras and scanners.
export const MAX_INPUT_PIXELS = 100_000_000;
export const MAX_LONG_SIDE = 2400;

const notAnImage = 'That file is not an image we can use (JPEG, PNG, WebP, AVIF or GIF).';

export interface UploadInput {
  bytes: Uint8Array;
  /** The name on the editor's computer: recorded in the audit log, never trusted for the type. */
  filename: string;
  alt: string;
  credit?: string | null;
}

export type UploadResult =
  { ok: true; media: Media; alreadyInLibrary: boolean } | { ok: false; error: string };

type SourceFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

type Prepared =
  | { ok: true; bytes: Buffer; type: ImageType; width: number; height: number }
  | { ok: false; error: string };

/** Megabytes with one decimal, rounded up so a file just over the cap never reads as the cap. */
function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / megabyte) * 10) / 10).toFixed(1).replace(/\.0$/, '')} MB`;
}

function sourceFormat(metadata: Metadata): SourceFormat | null {
  // AVIF and HEIC share the HEIF container; only AVIF decodes everywhere.
  if (metadata.format === 'heif') return metadata.compression === 'av1' ? 'avif' : null;
  const formats: SourceFormat[] = ['jpeg', 'png', 'webp', 'gif'];
  return formats.find((format) => format === metadata.format) ?? null;
}

function encode(image: Sharp, source: SourceFormat, animated: boolean): [Sharp, ImageType] {
  switch (source) {
    case 'jpeg':
      return [image.jpeg({ quality: 80, mozjpeg: true }), 'image/jpeg'];
    case 'webp':
      return [image.webp({ quality: 80 }), 'image/webp'];
    case 'avif':
      // AVIF's scale runs lower than JPEG's: 60 looks about as good as JPEG at 80.
      return [image.avif({ quality: 60 }), 'image/avif'];
    case 'gif':
      if (animated) return [image.gif(), 'image/gif'];
      // A still GIF becomes PNG: lossless, transparency kept, free of GIF's 256 colours.
      return [image.png({ compressionLevel: 9 }), 'image/png'];
    case 'png':
      // Lossless, because PNG uploads are mostly charts, maps and logos with sharp edges.
      return [image.png({ compressionLevel: 9 }), 'image/png'];
  }
}

/**
 * Sniffs the bytes, then decodes, auto-rotates, shrinks and re-encodes them. Re-encoding drops
 * every piece of metadata (EXIF with its GPS position, XMP, IPTC, comments) and converts colour
 * to sRGB, and anything hidden after the image data goes with it.
 */
async function prepareImage(bytes: Uint8Array): Promise<Prepared> {
  let metadata: Metadata;
  try {
    // Reading the header decodes no pixels, so the pixel cap is checked below with a clear reason.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, error: notAnImage };
  }
  const source = sourceFormat(metadata);
  if (!source) return { ok: false, error: notAnImage };

  const frames = metadata.pages ?? 1;
  const animated = (source === 'gif' || source === 'webp') && frames > 1;
  const pixels = metadata.width * metadata.height * (animated ? frames : 1);
  if (pixels > MAX_INPUT_PIXELS) {
    const size = `${metadata.width} × ${metadata.height} pixels${animated ? ` in ${frames} frames` : ''}`;
    return {
      ok: false,
      error: `Images can have at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels; this one is ${size}. Save a smaller version and upload that.`,
    };
  }

  const image = sharp(bytes, {
    animated,
    autoOrient: true,
    limitInputPixels: MAX_INPUT_PIXELS,
  }).resize({
    width: MAX_LONG_SIDE,
    height: MAX_LONG_SIDE,
    fit: 'inside',
    withoutEnlargement: true,
  });
  const [encoder, type] = encode(image, source, animated);
  try {
    const { data, info } = await encoder.toBuffer({ resolveWithObject: true });
    return {
      ok: true,
      bytes: data,
      type,
      width: info.width,
      height: info.pageHeight ?? info.height,
    };
  } catch {
    return {
      ok: false,
      error:
        'That image could not be read: the file may be damaged. Save it again as JPEG or PNG and upload that.',
    };
  }
}

/**
 * Adds an image to the media library for an editor or administrator. The bytes are checked and
 * re-encoded for the web, stored under a key named by their content, and recorded with an audit
 * entry. The same image uploaded again returns the row it already has.
 */
export async function uploadImage(actor: MediaActor, input: UploadInput): Promise<UploadResult> {
  if (!(await mayManageMedia(actor.id))) return { ok: false, error: mediaRefusal };
  const details = mediaDetailsSchema.safeParse({ alt: input.alt, credit: input.credit });
  if (!details.success) {
    return {
      ok: false,
      error: details.error.issues[0]?.message ?? 'Check the alt text and credit.',
    };
  }
  if (input.bytes.byteLength > MAX_UPLOAD_BYTES) {
    return {
      ok: false,
      error: `Images must be ${megabytes(MAX_UPLOAD_BYTES)} or smaller; this one is ${megabytes(input.bytes.byteLength)}.`,
    };
  }

  const prepared = await prepareImage(input.bytes);
  if (!prepared.ok) return prepared;

  const storageKey = uploadKeyFor(prepared.bytes, prepared.type);
  // Stored before the row exists, so no row ever points at a missing file. Should the
  // transaction fail, the file stays behind unreferenced: removing it could pull it from under a
  // simultaneous upload of the same image that did commit.
  await getStorage().put(storageKey, prepared.bytes, prepared.type);

  return getDb().transaction(async (tx) => {
    const [inserted] = await tx
      .insert(media)
      .values({
        storageKey,
        mimeType: prepared.type,
        width: prepared.width,
        height: prepared.height,
        bytes: prepared.bytes.byteLength,
        alt: details.data.alt,
        credit: details.data.credit,
        uploadedById: actor.id,
      })
      .onConflictDoNothing({ target: media.storageKey })
      .returning();
    if (!inserted) {
      const [existing] = await tx.select().from(media).where(eq(media.storageKey, storageKey));
      if (!existing) throw new Error(`Media row for ${storageKey} vanished during an upload.`);
      return { ok: true, media: existing, alreadyInLibrary: true };
    }
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: 'media.uploaded',
      subjectType: 'media',
      subjectId: inserted.id,
      detail: {
        // PostgreSQL's jsonb cannot hold a NUL character.
        filename: input.filename.replaceAll('\0', '').slice(0, 255),
        storageKey,
        mimeType: prepared.type,
        width: prepared.width,
        height: prepared.height,
        bytes: prepared.bytes.byteLength,
      },
    });
    return { ok: true, media: inserted, alreadyInLibrary: false };
  });
}
