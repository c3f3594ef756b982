import { OptimisedImage } from '@/components/ui/optimised-image';
import Link from 'next/link';
import type { ArticleSummary } from '@/lib/content/types';
import { ArticleMeta } from './article-meta';
import { KindLabel } from './kind-label';

interface Props {
  article: ArticleSummary;
  lead?: boolean;
  /** Its image is the first a reader sees on the page: fetched at once, ahead of the others. */
  prominent?: boolean;
  headingLevel?: 'h2' | 'h3';
}

export function ArticleCard({
  article,
  lead = false,
  prominent = lead,
  headingLevel = 'h3',
}: Props) {
  const Heading = headingLevel;
  const href = `/articles/${article.slug}`;
  return (
    <article
      className={lead ? 'grid gap-6 md:grid-cols-[3fr_2fr] md:items-center' : 'flex flex-col gap-3'}
    >
      {article.hero && (
        <Link
          href={href}
          tabIndex={-1}
          aria-hidden="true"
          className="block overflow-hidden rounded-sm"
        >
          <OptimisedImage
            src={article.hero.src}
            width={article.hero.width}
            height={article.hero.height}
            alt=""
            sizes={lead ? '(min-width: 768px) 640px, 100vw' : '(min-width: 768px) 360px, 100vw'}
            loading={prominent ? 'eager' : 'lazy'}
            fetchPriority={prominent ? 'high' : 'auto'}
            className="aspect-[16/9] h-auto w-full object-cover"
          />
        </Link>
      )}
      <div className="flex flex-col gap-2">
        <KindLabel kind={article.kind} series={article.series} visibility={article.visibility} />
        <Heading
          className={`font-serif font-semibold leading-tight text-ink ${lead ? 'text-3xl md:text-4xl' : 'text-xl'}`}
        >
          <Link href={href} className="hover:text-accent hover:underline">
            {article.title}
          </Link>
        </Heading>
        {article.standfirst && (
          <p className={`font-serif leading-snug text-muted ${lead ? 'text-lg' : 'text-base'}`}>
            {article.standfirst}
          </p>
        )}
        <ArticleMeta authors={article.authors} publishedAt={article.publishedAt} />
      </div>
    </article>
  );
}
