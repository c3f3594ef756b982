'use client';

import Link from 'next/link';
import { useEffect } from 'react';

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-20 text-center">
      <p className="text-sm font-semibold uppercase tracking-wider text-accent">
        Something went wrong
      </p>
      <h1 className="mt-3 font-serif text-4xl font-semibold">This page could not be shown</h1>
      <p className="mt-4 text-lg text-muted">
        The problem is ours, not yours. Please try again in a moment.
        {error.digest && <span className="mt-2 block text-sm">Reference: {error.digest}</span>}
      </p>
      <div className="mt-8 flex justify-center gap-4">
        <button
          type="button"
          onClick={reset}
          className="rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep"
        >
          Try again
        </button>
        <Link href="/" className="rounded border border-navy px-4 py-2 font-semibold text-navy">
          Home page
        </Link>
      </div>
    </main>
  );
}
