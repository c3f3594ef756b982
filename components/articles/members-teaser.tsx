import Link from 'next/link';

export function MembersTeaser({ slug }: { slug: string }) {
  const next = encodeURIComponent(`/articles/${slug}`);
  return (
    <section
      aria-labelledby="members-teaser-heading"
      className="members-only my-10 rounded border border-rule bg-highlight/60 px-6 py-8"
    >
      <h2 id="members-teaser-heading" className="font-serif text-2xl font-semibold">
        This piece is for members
      </h2>
      <p className="mt-3 max-w-prose text-ink">
        Members of the Institute read our full briefings and analysis, join private events with our
        experts and support independent research. Log in to keep reading, or join: it takes a
        minute.
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link
          href={`/login?callbackUrl=${next}`}
          className="rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep"
        >
          Members’ log in
        </Link>
        <Link
          href={`/join?callbackUrl=${next}`}
          className="rounded border border-navy px-4 py-2 font-semibold text-navy hover:bg-white"
        >
          Become a member
        </Link>
      </div>
    </section>
  );
}
