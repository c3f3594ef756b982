import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/articles/article-view';
import { holdsTier, readerOf } from '@/lib/membership/reader';
import { getViewer } from '@/lib/auth/viewer';
import { getBylineExperts, getRelatedArticles } from '@/lib/content/cached';
import { getArticle } from '@/lib/content/queries/articles';
import { isSlug } from '@/lib/content/slug';
import { articleMetadata } from '@/lib/seo/article-metadata';

// An article for a signed-in reader, rendered per request and never cached for anyone else.
export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ slug: string }>;
}

async function load(params: Props['params']) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const reader = await readerOf(await getViewer());
  const article = await getArticle(slug, reader);
  if (!article) notFound();
  return { article, reader };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article } = await load(params);
  return { ...articleMetadata(article), robots: { index: false, follow: true } };
}

export default async function MembersArticlePage({ params }: Props) {
  const { article, reader } = await load(params);
  const [experts, related] = await Promise.all([
    getBylineExperts(article.authors),
    getRelatedArticles(article.id),
  ]);
  return (
    <ArticleView
      article={article}
      experts={experts}
      related={related}
      signedIn
      holdsTier={holdsTier(reader)}
    />
  );
}
