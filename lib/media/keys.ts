import { createHash } from 'node:crypto';
import { z } from 'zod';

/** The image types the media table accepts, with the file extension each is stored under. */
const imageExtensions = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/gif': 'gif',
} as const;

export type ImageType = keyof typeof imageExtensions;

// Uploaded files live in the storage module under this prefix. Every other key in the media
// table is a file under public/ (the seeded demo images, "images/demo/…"), which Next serves from
// the site root; public/ has no uploads/ folder, so the prefix alone tells the two apart.
const uploadPrefix = 'uploads/';

/** A key the upload module makes: its name is the SHA-256 of the stored bytes. */
export const uploadKeySchema = z
  .string()
  .regex(/^uploads\/[0-9a-f]{64}\.(?:jpg|png|webp|avif|gif)$/, 'not an uploaded image');

export function isUploadKey(storageKey: string): boolean {
  return storageKey.startsWith(uploadPrefix);
}

/**
 * Named by content, so a key never changes meaning: the file behind it can be cached forever,
 * and the same image uploaded twice lands on the same key.
 */
export function uploadKeyFor(bytes: Uint8Array, type: ImageType): string {
  const hash = createHash('sha256').update(bytes).digest('hex');
  return `${uploadPrefix}${hash}.${imageExtensions[type]}`;
}
