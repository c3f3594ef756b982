import type { NextConfig } from 'next';
import { EnvError, parseEnv } from './lib/env';

try {
  parseEnv(process.env);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`\n✖ ${error.message}\n`);
  process.exit(1);
}

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Loaded from node_modules at run time: PGlite reads its WASM files from beside itself,
  // and argon2 is a native addon.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  // forbidden() answers 403 with the site's own page when a signed-in person lacks a role.
  experimental: { authInterrupts: true },
  images: {
    formats: ['image/avif', 'image/webp'],
  },
};

export default nextConfig;
