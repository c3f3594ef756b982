import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// drizzle-kit takes output folders relative to the project, so the copy lives under .data/.
const copy = path.join('.data', `migrations-check-${process.pid}`);

afterAll(() => {
  fs.rmSync(path.join(root, copy), { recursive: true, force: true });
});

it('the committed migrations describe the schema exactly', () => {
  fs.cpSync(path.join(root, 'db', 'migrations'), path.join(root, copy), { recursive: true });
  const result = spawnSync(
    path.join(root, 'node_modules/.bin/drizzle-kit'),
    ['generate', '--dialect', 'postgresql', '--schema', './db/schema.ts', '--out', copy],
    { cwd: root, encoding: 'utf8' },
  );
  expect(result.status).toBe(0);
  expect(result.stdout, 'run `npm run db:generate` and commit the migration').toContain(
    'No schema changes',
  );
});
