import 'server-only';
import { cache } from 'react';
import { anonymousReader, type Reader, type Viewer } from '@/lib/auth/who';
import { tierIdsWithAccess } from './held';

/**
 * What a signed-in person may read: pieces for any member once their address is verified, and
 * pieces for the tiers whose membership gives them access now. Staff read everything, to check
 * what they publish. Read once per request.
 */
export const readerOf = cache(async (viewer: Viewer | null): Promise<Reader> => {
  if (!viewer?.verified) return anonymousReader;
  if (viewer.role !== 'member') return { membersOnly: true, tiers: 'all' };
  return { membersOnly: true, tiers: await tierIdsWithAccess(viewer.id) };
});

/** Whether a reader holds a paid tier (staff read everything without one). */
export const holdsTier = (reader: Reader) => reader.tiers !== 'all' && reader.tiers.length > 0;
