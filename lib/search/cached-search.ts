import 'server-only';
import type { Reader } from '@/lib/content/access';
import { recentResults } from '@/lib/cache/recent-results';
import type { SearchParams } from './query';
import { searchSite, type SiteSearch } from './site-search';

// As long as the data cache keeps listings: a piece just published is found within a minute
// even where no editor's change clears this cache (a scheduled piece going live).
const searches = recentResults<SiteSearch>('search', { ttlMs: 60_000, maxEntries: 1_000 });

/**
 * The search, through a cache of recent results. Everyone searching for the words of the piece
 * everyone is reading then costs the database one query a minute. Anonymous readers and
 * verified members get different results (members' match and quote members-only bodies), so
 * each kind of reader shares results with its own kind only.
 */
export function searchRecently(params: SearchParams, reader: Reader): Promise<SiteSearch> {
  const key = `${reader.membersOnly ? 'members' : 'public'}:${JSON.stringify(params)}`;
  return searches.get(key, () => searchSite(params, reader));
}
