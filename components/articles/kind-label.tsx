import Link from 'next/link';
import { articleKindLabels, type ArticleKind } from '@/lib/content/labels';
import type { ArticleVisibility } from '@/lib/content/types';

// Pieces not everyone may read say so in every listing, before the reader opens them.
const accessLabels: Record<ArticleVisibility, string | null> = {
  public: null,
  members: 'Members',
  tiers: 'Paid members',
};

interface Props {
  kind: ArticleKind;
  series: { slug: string; name: string } | null;
  visibility: ArticleVisibility;
}

export function KindLabel({ kind, series, visibility }: Props) {
  const access = accessLabels[visibility];
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs font-semibold uppercase tracking-wider">
      <span className="text-accent">{articleKindLabels[kind]}</span>
      {series && (
        <Link href={`/series/${series.slug}`} className="text-navy hover:underline">
          {series.name}
        </Link>
      )}
      {access && (
        <span className="rounded-sm bg-highlight px-1.5 py-0.5 text-[0.7rem] text-ink">
          {access}
        </span>
      )}
    </p>
  );
}
