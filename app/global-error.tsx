'use client';

import Link from 'next/link';
import { FaultNotice } from '@/components/ui/fault-notice';
import { sans, serif } from './fonts';
import './globals.css';

// Shown only when the root layout itself fails, in its place: it brings a header, footer and
// title of its own, plainly, as the site's configuration may be what failed.
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en-GB" className={`${serif.variable} ${sans.variable}`}>
      <body className="min-h-screen bg-paper">
        <header className="border-b border-rule bg-paper">
          <div className="mx-auto max-w-6xl px-4 py-4 sm:px-6">
            <Link href="/" className="font-serif text-2xl font-semibold text-navy no-underline">
              Home page
            </Link>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
          <FaultNotice documentTitle="Something went wrong" error={error} reset={reset} />
        </main>
        <footer className="mt-16 bg-navy-deep text-white">
          <p className="mx-auto max-w-6xl px-4 py-5 text-sm text-white/80 sm:px-6">
            If this goes on, please try again later.
          </p>
        </footer>
      </body>
    </html>
  );
}
