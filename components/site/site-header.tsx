import Link from 'next/link';
import type { NavLink } from '@/lib/config/site';

export function SiteHeader({ siteName, navigation }: { siteName: string; navigation: NavLink[] }) {
  return (
    <header role="banner" className="border-b border-rule bg-paper">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4 sm:px-6">
        <Link
          href="/"
          className="font-serif text-2xl font-semibold tracking-tight text-navy no-underline sm:text-3xl"
        >
          {siteName}
        </Link>
        <div className="flex items-center gap-3 text-sm font-medium">
          <Link
            href="/login"
            className="rounded px-2 py-2 text-navy underline-offset-4 hover:underline"
          >
            Members’ log in
          </Link>
          <Link
            href="/support"
            className="rounded bg-accent px-4 py-2 text-white shadow-sm transition-colors hover:bg-accent-dark"
          >
            Support us
          </Link>
        </div>
      </div>
      <nav aria-label="Main" className="border-t border-rule">
        <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 sm:px-4">
          {navigation.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                className="block whitespace-nowrap px-3 py-3 text-sm font-semibold uppercase tracking-wide text-ink hover:text-accent"
              >
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
