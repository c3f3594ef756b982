import type { MetadataRoute } from 'next';
import { getSiteConfig } from '@/lib/config/site';

export default function robots(): MetadataRoute.Robots {
  const { url } = getSiteConfig();
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/account', '/api/', '/search'] }],
    sitemap: `${url}/sitemap.xml`,
    host: url,
  };
}
