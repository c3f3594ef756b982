import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/platform/env';

// Known to everyone, so only ever used in development and tests.
const developmentSecret = 'development-only-secret-never-used-in-production-0000';

/**
 * The secret that signs session tokens. Production on PostgreSQL must set AUTH_SECRET (lib/platform/env
 * refuses to start without it). A production build on the embedded database, a single-machine
 * demo, keeps a random secret beside its data so sessions survive restarts.
 */
export function getAuthSecret(): string {
  const env = getEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV !== 'production' || env.database.engine !== 'pglite') return developmentSecret;
  const file = path.join(path.dirname(path.resolve(env.database.dataDir)), 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return fs.readFileSync(file, 'utf8').trim();
}
