import { parseArgs } from 'node:util';
import { openConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { formatGenerateResult, generateArticles } from '@/db/seed/generate';
import { formatSeedResult, seedDatabase } from '@/db/seed/seed';
import { runCli } from './lib/cli';

runCli('db:seed', async (args) => {
  // `--articles N` adds generated articles up to N on top of the demo content, for load tests.
  const { values } = parseArgs({ args, options: { articles: { type: 'string' } } });
  const generated = values.articles === undefined ? 0 : Number(values.articles);
  if (!Number.isInteger(generated) || generated < 0) {
    throw new Error(`--articles takes a whole number, not "${values.articles}"`);
  }
  const connection = openConnection({ max: 1 });
  try {
    await migrateDatabase(connection);
    console.log(formatSeedResult(await seedDatabase(connection.db)));
    if (generated > 0) {
      const started = performance.now();
      const result = await generateArticles(connection.db, generated, (done, total) =>
        process.stderr.write(`\r· generated ${done} of ${total}`),
      );
      if (result.created) process.stderr.write('\n');
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`${formatGenerateResult(result)} (${seconds} s)`);
    }
  } finally {
    await connection.close();
  }
});
