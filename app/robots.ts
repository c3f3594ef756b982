import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { getSiteConfig } from '@/lib/config/site';

// Answered at run time: it names the site's address, which is the running server's
// configuration, not the build's.
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  const { url } = getSiteConfig();
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/account', '/api/', '/search'] }],
    sitemap: `${url}/sitemap.xml`,
    host: url,
  };
}
