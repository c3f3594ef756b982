// Data functions at scale: seeds a fresh database with N generated articles (default 100,000)
// and prints p50/p95 latency of what the article page, a deep listing page, search (a common
// and a rare word, and the whole search page) and the admin article list call, in-process,
// after a warm-up. Figures only: nothing here asserts a timing. Run with
// `--conditions=react-server` (npm run bench:scale) so the `server-only` imports of lib/
// resolve.
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { closeConnection, getConnection, getDb, type Engine } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { generateArticles, generatedSlugPrefix } from '@/db/seed/generate';
import { seedDatabase } from '@/db/seed/seed';
import { anonymousReader } from '@/lib/auth/who';
import { listingPageSize } from '@/lib/content/listing';
import { getArticle, listArticles } from '@/lib/content/queries/articles';
import { listArticlesForAdmin } from '@/lib/editorial/article-list';
import { parseSearchParams } from '@/lib/search/query';
import { searchArticles } from '@/lib/search/search';
import { searchSite } from '@/lib/search/site-search';
import { createDatabase, databaseUrl, dropDatabase } from '../tests/setup/postgres-server';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    articles: { type: 'string', default: '100000' },
    iterations: { type: 'string', default: '50' },
    // Indexes to create by hand before measuring, to show the effect of one not yet migrated.
    index: { type: 'string', multiple: true, default: [] },
  },
});
const engines: Engine[] =
  values.engine === 'both'
    ? ['pglite', 'postgres']
    : [values.engine === 'postgres' ? 'postgres' : 'pglite'];
const articleCount = Number(values.articles);
const iterations = Number(values.iterations);
const progress = (message: string) => console.error(`· ${message}`);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface Figure {
  engine: Engine;
  target: string;
  p50: number;
  p95: number;
}

async function measure(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  // Warm-up: plans, caches and (on PostgreSQL) the switch to generic plans all settle first.
  for (let index = 0; index < 5; index += 1) await run();
  const times: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function benchEngine(engine: Engine): Promise<Figure[]> {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'bench-scale-'));
  const database = engine === 'postgres' ? await createDatabase('northgate_bench') : null;
  if (database) process.env.DATABASE_URL = databaseUrl(database);
  else {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DATA_DIR = path.join(temp, 'pglite');
  }
  try {
    await migrateDatabase(getConnection());
    await seedDatabase(getDb());
    const started = performance.now();
    await generateArticles(getDb(), articleCount, (done, total) => {
      if (done % 10_000 === 0 || done === total)
        progress(`${engine}: ${done} of ${total} articles`);
    });
    progress(`${engine}: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const definition of values.index) {
      progress(`${engine}: ${definition}`);
      await getDb().execute(sql.raw(definition));
    }
    // A settled table: statistics and the visibility map that index-only scans rely on.
    await getDb().execute(sql`vacuum analyze`);

    const { total } = await listArticles({}, 1, listingPageSize);
    const deepPage = Math.max(1, Math.floor(Math.ceil(total / listingPageSize) * 0.6));
    const slug = `${generatedSlugPrefix}${Math.ceil(articleCount / 2)}`;
    const targets: [string, () => Promise<unknown>][] = [
      ['article page', () => getArticle(slug, anonymousReader)],
      ['listing, page 1', () => listArticles({}, 1, listingPageSize)],
      [`listing, page ${deepPage}`, () => listArticles({}, deepPage, listingPageSize)],
      [
        'topic listing, page 1',
        () => listArticles({ topicSlug: 'energy-climate' }, 1, listingPageSize),
      ],
      [
        'topic listing, page 500',
        () => listArticles({ topicSlug: 'energy-climate' }, 500, listingPageSize),
      ],
      [
        'search, common word',
        () => searchArticles(parseSearchParams({ q: 'energy' }), anonymousReader),
      ],
      [
        'search, rare word',
        () => searchArticles(parseSearchParams({ q: 'zeitgeber' }), anonymousReader),
      ],
      // What /search asks for: the articles, and the experts and series whose names match.
      [
        'search page, common word',
        () => searchSite(parseSearchParams({ q: 'energy' }), anonymousReader),
      ],
      [
        'search page, a name',
        () => searchSite(parseSearchParams({ q: 'Okafor' }), anonymousReader),
      ],
      ['admin list, page 1', () => listArticlesForAdmin({})],
      ['admin list, page 2000', () => listArticlesForAdmin({ page: 2000 })],
    ];
    const figures: Figure[] = [];
    for (const [target, run] of targets) {
      progress(`${engine}: ${target}`);
      figures.push({ engine, target, ...(await measure(run)) });
    }
    return figures;
  } finally {
    await closeConnection();
    if (database) await dropDatabase(database);
    rmSync(temp, { recursive: true, force: true });
  }
}

async function main() {
  const figures: Figure[] = [];
  for (const engine of engines) figures.push(...(await benchEngine(engine)));
  console.log(
    `\n${articleCount} generated articles, ${iterations} runs each after 5 warm-up runs\n`,
  );
  console.log(
    `${'engine'.padEnd(9)} ${'target'.padEnd(26)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`,
  );
  for (const { engine, target, p50, p95 } of figures) {
    console.log(
      `${engine.padEnd(9)} ${target.padEnd(26)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
