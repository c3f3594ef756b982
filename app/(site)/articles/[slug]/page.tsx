import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/articles/article-view';
import { getBylineExperts, getPublicArticle, getRelatedArticles } from '@/lib/content/cached';
import { isSlug } from '@/lib/content/slug';
import { articleMetadata } from '@/lib/seo/article-metadata';

// The public view, the same for every anonymous reader (lib/page-cache/). Signed-in readers are
// routed to /members-view by proxy.ts.

interface Props {
  params: Promise<{ slug: string }>;
}

async function load(params: Props['params']) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const article = await getPublicArticle(slug);
  if (!article) notFound();
  return article;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return articleMetadata(await load(params));
}

export default async function ArticlePage({ params }: Props) {
  const article = await load(params);
  const [experts, related] = await Promise.all([
    getBylineExperts(article.authors),
    getRelatedArticles(article.id),
  ]);
  return <ArticleView article={article} experts={experts} related={related} />;
}
