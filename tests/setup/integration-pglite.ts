import { afterAll, beforeAll } from 'vitest';
import { closeConnection, getConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

// Every test file gets its own in-memory PostgreSQL (PGlite), migrated from zero.
delete process.env.DATABASE_URL;
process.env.PGLITE_DATA_DIR = 'memory://';

beforeAll(async () => {
  await migrateDatabase(getConnection());
});

afterAll(async () => {
  await closeConnection();
});
