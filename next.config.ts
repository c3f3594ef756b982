import path from 'node:path';
import type { NextConfig } from 'next';
import { EnvError, parseEnv, type Env } from './lib/platform/env';
import {
  imageContentSecurityPolicy,
  securityHeaders,
  securityOptions,
} from './lib/security/headers';

let env: Env;
try {
  env = parseEnv(process.env);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`\n✖ ${error.message}\n`);
  process.exit(1);
}

// With Redis, every instance shares Next's data cache (lib/cache/shared-data-cache.ts, compiled
// by the build before Next builds), and keeps none of it in its own memory, where a change made
// on another instance would not reach it. Development keeps Next's own.
const sharedDataCache = env.REDIS_URL !== undefined && env.NODE_ENV === 'production';

const nextConfig: NextConfig = {
  ...(sharedDataCache && {
    cacheHandler: path.resolve('dist/shared-data-cache.js'),
    cacheMaxMemorySize: 0,
  }),
  // Every instance serves the same build, so they share its id and its server actions' key;
  // DEPLOYMENT_ID names it for Next's version-skew handling when several builds are live.
  deploymentId: env.DEPLOYMENT_ID,
  poweredByHeader: false,
  // Loaded from node_modules at run time: PGlite reads its WASM files from beside itself,
  // and argon2 is a native addon.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@node-rs/argon2',
    'postgres',
    // pdf.js starts its worker from a file beside itself, and pdfkit reads its fonts from its folder.
    'pdfjs-dist',
    'pdfkit',
  ],
  // forbidden() answers 403 with the site's own page when a signed-in person lacks a role.
  experimental: {
    authInterrupts: true,
    // Image uploads post the file to a server action: the upload cap (MAX_UPLOAD_BYTES in
    // lib/media/upload.ts, 10 MB) plus room for the alt text, credit and multipart framing.
    serverActions: { bodySizeLimit: '11mb' },
  },
  images: {
    formats: ['image/avif', 'image/webp'],
    contentSecurityPolicy: imageContentSecurityPolicy,
    // The only local images next/image optimises: seeded ones under public/images and uploads
    // served by app/media. Nothing else on the site can be fetched through /_next/image.
    localPatterns: [
      { pathname: '/images/**', search: '' },
      { pathname: '/media/**', search: '' },
    ],
  },
  // People were experts before staff and trustees joined them; the feeds keep their old
  // addresses (app/(site)/experts/[slug]/feed.xml).
  async redirects() {
    return [
      { source: '/experts', destination: '/people', permanent: true },
      { source: '/experts/:slug', destination: '/people/:slug', permanent: true },
    ];
  },
  // Every response: pages, route handlers, feeds, build assets and 404s (optimised images get
  // images.contentSecurityPolicy in its place). Evaluated by the build, so this policy follows
  // the build's environment; each page gets its own, with a nonce and the running server's
  // Stripe host, from proxy.ts, set under the same lower-case name so that it replaces this one.
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders(securityOptions(parseEnv(process.env))) },
    ];
  },
};

export default nextConfig;
