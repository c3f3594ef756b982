import Link from 'next/link';
import { SiteShell } from '@/components/site/site-shell';

export default function Forbidden() {
  return (
    <SiteShell>
      <div className="mx-auto max-w-2xl py-16 text-center">
        <p className="text-sm font-semibold uppercase tracking-wider text-accent">Error 403</p>
        <h1 className="mt-3 font-serif text-4xl font-semibold">This area is not open to you</h1>
        <p className="mt-4 text-lg text-muted">
          It is for the Institute’s editors and administrators. If you think you should have access,
          ask an administrator.
        </p>
        <Link
          href="/"
          className="mt-8 inline-block rounded bg-navy px-4 py-2 font-semibold text-white"
        >
          Go to the home page
        </Link>
      </div>
    </SiteShell>
  );
}
