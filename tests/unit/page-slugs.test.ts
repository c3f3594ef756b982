import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageInputSchema } from '@/lib/pages/page-input';
import { isReservedSlug, reservedSlugs } from '@/lib/pages/reserved-slugs';

const root = path.join(import.meta.dirname, '../..');

// Metadata files answer at an address of their own: app/robots.ts is /robots.txt.
const metadataRoutes: Record<string, string> = {
  'robots.ts': 'robots.txt',
  'sitemap.ts': 'sitemap.xml',
  'icon.svg': 'icon.svg',
  'favicon.ico': 'favicon.ico',
};

/** Every first segment of an address that app/ answers, through its route groups. */
function topLevelRoutes(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      if (/^\(.+\)$/.test(entry.name)) return topLevelRoutes(path.join(dir, entry.name));
      // Dynamic segments ([slug]), private folders (_x) and parallel routes (@x) name no address.
      return /^[[_@]/.test(entry.name) ? [] : [entry.name];
    }
    return metadataRoutes[entry.name] ? [metadataRoutes[entry.name]!] : [];
  });
}

describe('slugs a page may not take', () => {
  it('include every top-level route in app/ and every file or folder in public/', () => {
    const routes = [
      ...topLevelRoutes(path.join(root, 'app')),
      ...fs.readdirSync(path.join(root, 'public')),
    ];
    expect(routes).toContain('analysis');
    expect(routes).toContain('login');
    expect(routes.filter((route) => !reservedSlugs.has(route))).toEqual([]);
  });

  it.each(['press', 'people', 'publications', 'admin', 'api', 'media', 'join', 'search'])(
    'include %s',
    (slug) => expect(isReservedSlug(slug)).toBe(true),
  );

  it.each(['about', 'privacy', 'contact', 'funding-and-transparency', 'terms'])(
    'leave %s for pages',
    (slug) => expect(isReservedSlug(slug)).toBe(false),
  );

  it('are refused by the page form with a message saying why', () => {
    const parsed = pageInputSchema.safeParse({ title: 'Our experts', slug: 'experts' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toMatch(/belongs to another part of the site/);
    expect(pageInputSchema.safeParse({ title: 'About us', slug: 'about-us' }).success).toBe(true);
  });
});
