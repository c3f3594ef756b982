import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/articles/article-view';
import { readerOf } from '@/lib/membership/reader';
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
  const article = await getArticle(slug, await readerOf(await getViewer()));
  if (!article) notFound();
  return article;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { ...articleMetadata(await load(params)), robots: { index: false, follow: true } };
}

export default async function MembersArticlePage({ params }: Props) {
  const article = await load(params);
  const [experts, related] = await Promise.all([
    getBylineExperts(article.authors),
    getRelatedArticles(article.id),
  ]);
  return <ArticleView article={article} experts={experts} related={related} signedIn />;
}
