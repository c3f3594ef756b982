import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { postgresAnswers } from './tests/setup/postgres-server.ts';

const root = import.meta.dirname;
const alias = {
  '@': root,
  // Next enforces server-only at build time; in tests every module runs on the server.
  'server-only': path.join(root, 'tests/setup/empty.ts'),
};

// The server's log lines would bury the test report; the browser tests read them, so keep theirs.
const quiet = { LOG_LEVEL: 'silent' };

const integration = (engine: 'pglite' | 'postgres'): TestProjectInlineConfiguration => ({
  resolve: { alias },
  test: {
    name: `integration-${engine}`,
    include: ['tests/integration/**/*.test.ts'],
    setupFiles: [`tests/setup/integration-${engine}.ts`],
    environment: 'node',
    env: quiet,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

async function projects(): Promise<TestProjectInlineConfiguration[]> {
  const list: TestProjectInlineConfiguration[] = [
    {
      resolve: { alias },
      test: {
        name: 'unit',
        include: ['tests/unit/**/*.test.ts'],
        environment: 'node',
        env: quiet,
        testTimeout: 30_000,
      },
    },
    {
      resolve: { alias },
      test: {
        // Each test starts the project's scripts as a person would, migrating and seeding a
        // database of their own: while other files share the two cores that takes minutes, so
        // these files take their turn one by one beside the integration files.
        name: 'commands',
        include: ['tests/commands/**/*.test.ts'],
        environment: 'node',
        env: quiet,
        fileParallelism: false,
        testTimeout: 300_000,
      },
    },
    integration('pglite'),
  ];
  if (await postgresAnswers()) {
    list.push(integration('postgres'));
  } else if (process.env.CI) {
    throw new Error(
      'CI requires the PostgreSQL server at 127.0.0.1:5432 (or TEST_POSTGRES_URL) for integration tests.',
    );
  } else {
    console.warn(
      '\n⚠ No PostgreSQL server answers at 127.0.0.1:5432 (or TEST_POSTGRES_URL): the PostgreSQL half of the integration tests is skipped. CI runs it.\n',
    );
  }
  list.push({
    resolve: { alias },
    test: {
      name: 'browser',
      include: ['tests/browser/**/*.test.ts'],
      globalSetup: ['tests/browser/global-setup.ts'],
      environment: 'node',
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  });
  list.push({
    resolve: { alias },
    test: {
      // The production build as it is deployed: with production dependencies alone, and behind
      // nginx. Each file starts servers of its own.
      name: 'deploy',
      include: ['tests/deploy/**/*.test.ts'],
      environment: 'node',
      fileParallelism: false,
      testTimeout: 120_000,
      hookTimeout: 300_000,
    },
  });
  return list;
}

// Integration tests spend much of their time waiting on a database, a mail server or a fake of
// Stripe: four files at a time keep two cores busy (the browser project runs its files one by
// one whatever this says).
export default defineConfig(async () => ({
  test: { projects: await projects(), maxWorkers: 4 },
}));
