'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface AdminNavLink {
  href: string;
  label: string;
}

function isWithin(pathname: string, href: string) {
  return href === '/admin'
    ? pathname === href
    : pathname === href || pathname.startsWith(`${href}/`);
}

/** The link the page belongs to: the longest that contains it, as one section may hold another. */
function currentHref(pathname: string, links: AdminNavLink[]): string | undefined {
  return links
    .filter((link) => isWithin(pathname, link.href))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

/** The editorial area's own navigation; the link for the page in view is marked current. */
export function AdminNav({ links }: { links: AdminNavLink[] }) {
  const current = currentHref(usePathname(), links);
  return (
    <nav aria-label="Editorial and administration" className="border-b border-rule pb-3">
      <ul className="flex flex-wrap gap-1 text-sm font-semibold">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={link.href === current ? 'page' : undefined}
              className={`block rounded px-3 py-2 ${link.href === current ? 'bg-navy text-white' : 'text-navy hover:bg-white hover:underline'}`}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
