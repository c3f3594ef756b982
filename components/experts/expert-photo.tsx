import { OptimisedImage } from '@/components/ui/optimised-image';
import type { ExpertInfo } from '@/lib/content/queries/taxonomy';

export function ExpertPhoto({
  expert,
  size,
}: {
  expert: Pick<ExpertInfo, 'name' | 'photo'>;
  size: number;
}) {
  if (!expert.photo) {
    return (
      <span
        aria-hidden="true"
        style={{ width: size, height: size }}
        className="flex shrink-0 items-center justify-center rounded-full bg-navy font-serif text-2xl text-white"
      >
        {expert.name.charAt(0)}
      </span>
    );
  }
  return (
    <OptimisedImage
      src={expert.photo.src}
      width={size}
      height={size}
      alt={`Portrait of ${expert.name}`}
      className="shrink-0 rounded-full object-cover"
      style={{ width: size, height: size }}
    />
  );
}
