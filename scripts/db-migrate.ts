import { openConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { runCli } from './lib/cli';

runCli('db:migrate', async () => {
  const connection = openConnection({ max: 1 });
  try {
    const applied = await migrateDatabase(connection);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) on ${connection.engine}: ${applied.join(', ')}`
        : `The ${connection.engine} database is up to date.`,
    );
  } finally {
    await connection.close();
  }
});
