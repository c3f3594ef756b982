import { OptimisedImage } from '@/components/ui/optimised-image';
import type { HeroImage } from '@/lib/content/types';

export function HeroFigure({ hero }: { hero: HeroImage }) {
  return (
    <figure className="my-8">
      <OptimisedImage
        src={hero.src}
        width={hero.width}
        height={hero.height}
        alt={hero.alt}
        sizes="(min-width: 1024px) 960px, 100vw"
        loading="eager"
        fetchPriority="high"
        className="h-auto w-full rounded-sm"
      />
      {(hero.caption || hero.credit) && (
        <figcaption className="mt-2 text-sm text-muted">
          {hero.caption}
          {hero.caption && hero.credit && ' '}
          {hero.credit && <span className="text-xs uppercase tracking-wide">{hero.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
