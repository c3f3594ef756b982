import { isUploadKey } from '@/lib/media/keys';
import { getStorage } from '@/lib/storage';

/**
 * The public URL of a stored image. The media table holds two kinds of key: uploads, which live
 * in the storage module under "uploads/" (served at /media/… by the local driver, or wherever an
 * object store puts them), and the seeded demo images, which are files under public/ served from
 * the site root. The prefix tells them apart, so the seeded rows need no migration.
 */
export function mediaUrl(storageKey: string): string {
  if (isUploadKey(storageKey)) return getStorage().publicUrl(storageKey);
  return `/${storageKey.replace(/^\/+/, '')}`;
}
