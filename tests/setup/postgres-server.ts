import postgres from 'postgres';

export const adminUrl =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether the PostgreSQL server for integration tests answers a query. */
export async function postgresAnswers(): Promise<boolean> {
  const sql = postgres(adminUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Drops test databases left by runs that died before their clean-up (names carry the pid of
 * the process that made them); databases of live runs are left alone.
 */
async function dropStaleDatabases(sql: postgres.Sql, prefix: string) {
  const rows = await sql<
    { datname: string }[]
  >`select datname from pg_database where datname like ${`${prefix}_%`}`;
  for (const { datname } of rows) {
    const pid = Number(datname.slice(prefix.length + 1).split('_')[0]);
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) {
      // Another test file may be dropping the same one at this moment.
      await sql.unsafe(`drop database if exists "${datname}" with (force)`).catch(() => {});
    }
  }
}

export async function createDatabase(prefix = 'northgate_test'): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await dropStaleDatabases(sql, prefix);
    await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end();
  }
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sql.end();
  }
}
