import 'server-only';
import { getDb, type Transaction } from '@/db/client';
import { moveContentVersion } from '@/lib/cache/content-watch';
import { assertEditor, type Actor } from '@/lib/auth/who';
import { revalidateContent, type Revalidator } from './revalidate';

/**
 * Runs a change as an editor in one transaction. The work adds the cache tags its change
 * makes stale; they are revalidated only once the transaction has committed, and the content
 * version moves on with the change, for the site's other server processes.
 */
export async function editorialWrite<T>(
  actor: Actor,
  work: (tx: Transaction, stale: Set<string>) => Promise<T>,
  revalidate: Revalidator = revalidateContent,
): Promise<T> {
  const stale = new Set<string>();
  const result = await getDb().transaction(async (tx) => {
    await assertEditor(tx, actor);
    const done = await work(tx, stale);
    if (stale.size > 0) await moveContentVersion(tx);
    return done;
  });
  if (stale.size > 0) revalidate([...stale]);
  return result;
}
