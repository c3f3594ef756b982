import type { Metadata, Viewport } from 'next';
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

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB" className={`${serif.variable} ${sans.variable}`}>
      <body className="min-h-screen bg-paper">{children}</body>
    </html>
  );
}
