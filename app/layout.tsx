import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { SiteNameProvider } from '@/components/site/site-name.client';
import { SiteShell } from '@/components/site/site-shell';
import { getSiteConfig } from '@/lib/config/site';
import { sans, serif } from './fonts';
import './globals.css';

export function generateMetadata(): Metadata {
  const site = getSiteConfig();
  return {
    metadataBase: new URL(site.url),
    title: { default: `${site.name}: ${site.tagline}`, template: `%s | ${site.name}` },
    description: site.tagline,
    applicationName: site.name,
    alternates: {
      types: {
        'application/rss+xml': [{ url: '/feed.xml', title: `${site.name}: latest analysis` }],
      },
    },
    openGraph: { siteName: site.name, locale: 'en_GB', type: 'website' },
  };
}

export const viewport: Viewport = {
  themeColor: '#0f2a44',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so that Next's inline scripts (its bootstrap and the
  // page's React Server Components payload) carry the nonce that proxy.ts puts in the request's
  // Content-Security-Policy. HTML built ahead of time cannot carry one, and Next 16 offers no
  // hashes for those scripts. Data reads stay cached (lib/content/cached.ts). See "Security
  // headers" in the README for the cost.
  await connection();
  const site = getSiteConfig();
  // The header and footer belong to the root alone: the pages for errors, a missing page and a
  // refusal render inside them like any page, so no one of them can bring a second set.
  return (
    <html lang="en-GB" className={`${serif.variable} ${sans.variable}`}>
      <body className="min-h-screen bg-paper">
        <SiteNameProvider name={site.name}>
          <SiteShell>{children}</SiteShell>
        </SiteNameProvider>
      </body>
    </html>
  );
}
