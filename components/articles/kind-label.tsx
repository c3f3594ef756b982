import Link from 'next/link';
import { articleKindLabels, type ArticleKind } from '@/lib/content/labels';

interface Props {
  kind: ArticleKind;
  series: { slug: string; name: string } | null;
  membersOnly?: boolean;
}

export function KindLabel({ kind, series, membersOnly }: Props) {
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs font-semibold uppercase tracking-wider">
      <span className="text-accent">{articleKindLabels[kind]}</span>
      {series && (
        <Link href={`/series/${series.slug}`} className="text-navy hover:underline">
          {series.name}
        </Link>
      )}
      {membersOnly && (
        <span className="rounded-sm bg-highlight px-1.5 py-0.5 text-[0.7rem] text-ink">
          Members
        </span>
      )}
    </p>
  );
}
