import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageView } from '@/components/pages/page-view';
import { checkRole } from '@/lib/auth/viewer';
import { isSlug } from '@/lib/content/slug';
import { getPublicFunding, getPublicPage } from '@/lib/pages/cached';
import { getPageForPreview } from '@/lib/pages/page-record';
import { getSiteConfig } from '@/lib/config/site';
import { privacyNotice, privacySlug } from '@/lib/pages/privacy-notice';
import { isReservedSlug } from '@/lib/pages/reserved-slugs';

// The institution's own pages, at the root by their slug: the same for every anonymous reader
// (lib/page-cache/). A draft is shown to editors alone, marked as such, for them to check.

interface Props {
  params: Promise<{ slug: string }>;
}

async function load(params: Props['params']) {
  const { slug } = await params;
  if (!isSlug(slug) || isReservedSlug(slug)) notFound();
  const page = await getPublicPage(slug);
  if (page) return { ...page, draft: false };
  const staff = await checkRole(['editor', 'admin']);
  const draft = staff.ok ? await getPageForPreview(slug) : null;
  if (draft) {
    const { fields } = draft;
    return { id: draft.id, ...fields, updatedAt: draft.updatedAt.toISOString(), draft: true };
  }
  if (slug === privacySlug) {
    const notice = privacyNotice(getSiteConfig().charity);
    return { id: null, ...notice, showsFunders: false, updatedAt: null, draft: false };
  }
  notFound();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load(params);
  return {
    title: page.title,
    description: page.summary || undefined,
    alternates: { canonical: `/${page.slug}` },
    openGraph: { title: page.title, description: page.summary || undefined, type: 'website' },
    ...(page.draft ? { robots: { index: false } } : {}),
  };
}

export default async function InstitutionPage({ params }: Props) {
  const page = await load(params);
  const funding = page.showsFunders ? await getPublicFunding() : null;
  return <PageView page={page} funding={funding} />;
}
