import { ImageResponse } from 'next/og';
import { getSiteConfig } from '@/lib/config/site';
import { getPublicArticle } from '@/lib/content/cached';
import { articleKindLabels } from '@/lib/content/labels';
import { isSlug } from '@/lib/content/slug';
import { getOgFonts } from '@/lib/seo/og-fonts';

export const revalidate = 60;
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';
export const alt = 'The article’s title, kind and authors';

// Drawn from the title, kind and bylines alone: nothing of a body is on the image.
export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const article = isSlug(slug) ? await getPublicArticle(slug) : null;
  const site = getSiteConfig();
  const title = article?.title ?? site.name;
  const label = article
    ? [articleKindLabels[article.kind], article.series?.name].filter(Boolean).join(' · ')
    : site.tagline;
  const byline = article?.authors.map((author) => author.name).join(', ') ?? '';

  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '64px 72px',
        background: '#0f2a44',
        color: '#fbfaf7',
        fontFamily: 'Sans',
      }}
    >
      <div
        style={{
          display: 'flex',
          fontSize: 30,
          fontWeight: 600,
          color: '#f4e7c5',
          textTransform: 'uppercase',
          letterSpacing: 2,
        }}
      >
        {label}
        {article?.visibility === 'members' ? ' · Members' : ''}
        {article?.visibility === 'tiers' ? ' · Paid members' : ''}
      </div>
      <div
        style={{
          display: 'flex',
          fontFamily: 'Serif',
          fontSize: title.length > 80 ? 56 : 68,
          fontWeight: 600,
          lineHeight: 1.15,
        }}
      >
        {title}
      </div>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'flex-end',
          fontSize: 28,
        }}
      >
        <span>{byline}</span>
        <span style={{ fontFamily: 'Serif', fontSize: 34, fontWeight: 600 }}>{site.name}</span>
      </div>
    </div>,
    { ...size, fonts: getOgFonts() },
  );
}
