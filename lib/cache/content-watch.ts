import { sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { contentVersion } from '@/db/schema';
import { repeat } from '@/lib/jobs/repeat';
import { clearPageCache } from '@/lib/page-cache/store';

/**
 * Rendered pages are kept in each server process, and an editor's change
 * clears them at once only in the process that made it. Every process therefore also reads the
 * content version (db/schema/content.ts), which each editorial change and each scheduled piece
 * going live (lib/editorial/go-live.ts) moves on in its own transaction, and clears what it
 * keeps when the version has moved: with several instances of the site behind a load balancer,
 * a change reaches every instance's readers within seconds. Next's data cache is keyed by the
 * version this process last read (lib/content/cached.ts), so its data follows at the same time.
 */
const everyMs = 2_000;

// On globalThis: the watch runs from the instrumentation hook, and the cached reads that key
// by the version are bundled apart.
const seenKey = Symbol.for('northgate.content-version-seen');
type Global = typeof globalThis & { [seenKey]?: number };

/** The content version this process last read; 0 before its first read. */
export function contentVersionSeen(): number {
  return (globalThis as Global)[seenKey] ?? 0;
}

export async function moveContentVersion(tx: Transaction): Promise<void> {
  await tx
    .insert(contentVersion)
    .values({ id: 1, version: 1 })
    .onConflictDoUpdate({
      target: contentVersion.id,
      set: { version: sql`${contentVersion.version} + 1` },
    });
}

export async function readContentVersion(): Promise<number> {
  const [row] = await getDb().select({ version: contentVersion.version }).from(contentVersion);
  return row?.version ?? 0;
}

/**
 * Clears what this process keeps whenever the version read differs from the one before, and
 * records the version read.
 */
export function contentWatcher(read: () => Promise<number>, clear: () => void) {
  let seen: number | null = null;
  return async function check(): Promise<void> {
    let version: number;
    try {
      version = await read();
    } catch {
      // The database is out of reach: kept pages are what readers get meanwhile, and the first
      // read once it is back finds any change made elsewhere.
      return;
    }
    if (seen !== null && version !== seen) clear();
    seen = version;
    (globalThis as Global)[seenKey] = version;
  };
}

export function startContentWatch(): () => void {
  return repeat('content-watch', contentWatcher(readContentVersion, clearPageCache), {
    intervalMs: everyMs,
    firstMs: 0,
  });
}
