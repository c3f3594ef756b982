import Link from 'next/link';
import { articleKindLabels, type ArticleKind } from '@/lib/content/labels';

export function KindFilter({ basePath, current }: { basePath: string; current?: ArticleKind }) {
  const options: { kind?: ArticleKind; label: string }[] = [
    { label: 'All' },
    ...Object.entries(articleKindLabels)
      // Press releases have a listing of their own, on /press/releases.
      .filter(([kind]) => kind !== 'press-release')
      .map(([kind, label]) => ({ kind: kind as ArticleKind, label: `${label}` })),
  ];
  return (
    <nav aria-label="Filter by kind" className="mt-6">
      <ul className="flex flex-wrap gap-2">
        {options.map((option) => {
          const active = option.kind === current;
          return (
            <li key={option.label}>
              <Link
                href={option.kind ? `${basePath}?kind=${option.kind}` : basePath}
                aria-current={active ? 'page' : undefined}
                className={`inline-block rounded-full border px-3 py-1 text-sm font-medium ${
                  active
                    ? 'border-navy bg-navy text-white'
                    : 'border-rule text-ink hover:border-navy hover:text-navy'
                }`}
              >
                {option.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
