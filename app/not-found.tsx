import Link from 'next/link';
import { SiteShell } from '@/components/site/site-shell';

export default function NotFound() {
  return (
    <SiteShell>
      <div className="mx-auto max-w-2xl py-16 text-center">
        <p className="text-sm font-semibold uppercase tracking-wider text-accent">Error 404</p>
        <h1 className="mt-3 font-serif text-4xl font-semibold">We could not find that page</h1>
        <p className="mt-4 text-lg text-muted">
          It may have moved, or the address may be mistyped. Try the latest analysis or search for a
          topic.
        </p>
        <div className="mt-8 flex justify-center gap-4">
          <Link
            href="/"
            className="rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep"
          >
            Go to the home page
          </Link>
          <Link
            href="/search"
            className="rounded border border-navy px-4 py-2 font-semibold text-navy hover:bg-white"
          >
            Search
          </Link>
        </div>
      </div>
    </SiteShell>
  );
}
