import { afterAll, beforeAll } from 'vitest';
import { closeConnection, getConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { createDatabase, databaseUrl, dropDatabase } from './postgres-server';

// Every test file gets its own freshly created database on the PostgreSQL server, dropped after.
const name = await createDatabase();
process.env.DATABASE_URL = databaseUrl(name);

beforeAll(async () => {
  await migrateDatabase(getConnection());
});

afterAll(async () => {
  await closeConnection();
  await dropDatabase(name);
});
