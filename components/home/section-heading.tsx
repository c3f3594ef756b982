import Link from 'next/link';

interface Props {
  id: string;
  title: string;
  more?: { href: string; label: string };
}

/** A home page section's heading, with the link to everything of its kind beside it. */
export function SectionHeading({ id, title, more }: Props) {
  return (
    <div className="mb-6 flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
      <h2 id={id} className="font-serif text-2xl font-semibold">
        {title}
      </h2>
      {more && (
        <Link href={more.href} className="text-sm font-semibold text-accent hover:underline">
          {more.label}
        </Link>
      )}
    </div>
  );
}
