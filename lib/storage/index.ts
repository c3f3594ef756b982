// Without a 'server-only' guard: the seed command, which runs outside Next, stores the demo
// publications' PDFs through it.
import { getEnv, type Env } from '@/lib/platform/env';
import { createLocalStorage } from './local';
import type { MediaStorage } from './storage';

export type { MediaStorage, StoredFile } from './storage';
export { UnsafeStorageKeyError } from './storage';

// app/media/[...key]/route.ts serves the local driver's files under this path.
const localPublicPath = '/media';

/**
 * Which driver stores media, with its settings. An S3-compatible object store is one new file,
 * s3.ts, exporting a createS3Storage(settings) that implements MediaStorage: add its settings
 * here as another member of this union (read from its own environment variables in
 * storageConfig) and a case in createStorage. Nothing that stores or serves media changes; if its
 * publicUrl points at a bucket or CDN rather than /media, next.config.ts needs a remotePattern.
 */
export type StorageConfig = { driver: 'local'; dir: string };

export function storageConfig(env: Env): StorageConfig {
  return { driver: 'local', dir: env.MEDIA_STORAGE_DIR };
}

export function createStorage(config: StorageConfig): MediaStorage {
  switch (config.driver) {
    case 'local':
      return createLocalStorage(config.dir, localPublicPath);
  }
}

let storage: MediaStorage | undefined;

/** The configured media storage of this process. */
export function getStorage(): MediaStorage {
  storage ??= createStorage(storageConfig(getEnv()));
  return storage;
}
