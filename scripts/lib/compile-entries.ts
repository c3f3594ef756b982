import { build, type Plugin } from 'esbuild';

/**
 * The programs a deployment runs, compiled to plain JavaScript in dist/ so that they start with
 * `node` and the production dependencies alone (`npm ci --omit=dev`): the server entry, the
 * database migration, the account command, the worker and the shared data cache. The project's own modules are bundled in; every
 * package stays an import resolved from node_modules at run time, as Next's own build does.
 */
export const compiledEntries = {
  server: 'server.ts',
  'db-migrate': 'scripts/db-migrate.ts',
  'user-create': 'scripts/user-create.ts',
  worker: 'scripts/worker.ts',
  // Loaded by Next itself, as its cache handler when REDIS_URL is set (next.config.ts).
  'shared-data-cache': 'lib/cache/shared-data-cache.ts',
};

// Next resolves `server-only` to an empty module on the server; these programs are server code
// throughout, and run outside Next.
const serverOnly: Plugin = {
  name: 'server-only',
  setup(compiler) {
    compiler.onResolve({ filter: /^server-only$/ }, () => ({
      path: 'server-only',
      namespace: 'empty',
    }));
    compiler.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '' }));
  },
};

export async function compileEntries(outdir = 'dist'): Promise<void> {
  await build({
    entryPoints: compiledEntries,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [serverOnly],
  });
}

/**
 * The files a deployment needs beside its production dependencies: the build, the compiled
 * programs, static files, the migrations, and the Next configuration with the modules it reads
 * (Next loads next.config.ts at start).
 */
export const deployedFiles = [
  'package.json',
  'package-lock.json',
  'next.config.ts',
  'tsconfig.json',
  'lib',
  '.next',
  'dist',
  'public',
  'db/migrations',
];
