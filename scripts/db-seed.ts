import { openConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { formatSeedResult, seedDatabase } from '@/db/seed/seed';
import { runCli } from './lib/cli';

runCli('db:seed', async () => {
  const connection = openConnection({ max: 1 });
  try {
    await migrateDatabase(connection);
    console.log(formatSeedResult(await seedDatabase(connection.db)));
  } finally {
    await connection.close();
  }
});
