// Next's data cache (unstable_cache, lib/content/cached.ts) shared by every instance of the site
// through Redis, when REDIS_URL is set: an editor's change, which revalidates its tags on the
// instance that made it, then holds on all of them at once, where each instance's own cache
// would keep serving the old data for up to a minute. A maintained handler does the work
// (@fortedigital/nextjs-cache-handler, whose Redis handler keeps tags beside the entries); this
// module only connects it. Compiled by the build to dist/shared-data-cache.js, which
// next.config.ts names as Next's cache handler.
import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js';
import { createClient } from '@redis/client';
import { getEnv } from '@/lib/platform/env';
import { logger } from '@/lib/platform/log';

type Handlers = { handlers: ReturnType<typeof createLruHandler>[] };

// Next creates a handler per request; one connection serves them all.
const configKey = Symbol.for('northgate.shared-data-cache');
type Global = typeof globalThis & { [configKey]?: Promise<Handlers> };

// A Redis that does not answer within this costs a render from the database, not a failure.
const redisTimeoutMs = 1_000;

async function connect(): Promise<Handlers> {
  const env = getEnv();
  // The build pre-renders from the database it is given and must not fill the running site's
  // cache with that; without Redis, each instance keeps its own.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD || !env.REDIS_URL) {
    return { handlers: [createLruHandler()] };
  }
  let reported = false;
  const client = createClient({ url: env.REDIS_URL, pingInterval: 10_000 });
  client.on('error', (error: unknown) => {
    // The client reconnects by itself; one line per outage, not one per attempt.
    if (!reported) logger.error({ err: error }, 'shared data cache: Redis is unreachable');
    reported = true;
  });
  client.on('ready', () => {
    if (reported) logger.info('shared data cache: Redis is reachable again');
    reported = false;
  });
  try {
    await client.connect();
  } catch (error) {
    logger.error(
      { err: error },
      'shared data cache: no Redis at start; this instance keeps its own',
    );
    await client.destroy();
    return { handlers: [createLruHandler()] };
  }
  return {
    handlers: [
      createRedisHandler({
        client,
        keyPrefix: `${env.REDIS_PREFIX}data:`,
        sharedTagsKey: `${env.REDIS_PREFIX}data-tags`,
        sharedTagsTtlKey: `${env.REDIS_PREFIX}data-tag-ttls`,
        timeoutMs: redisTimeoutMs,
      }),
    ],
  };
}

CacheHandler.onCreation(() => {
  const store = globalThis as Global;
  store[configKey] ??= connect();
  return store[configKey];
});

export default CacheHandler;
