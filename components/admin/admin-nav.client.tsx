'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface AdminNavLink {
  href: string;
  label: string;
}

function isCurrent(pathname: string, href: string) {
  return href === '/admin'
    ? pathname === href
    : pathname === href || pathname.startsWith(`${href}/`);
}

/** The editorial area's own navigation; the link for the page in view is marked current. */
export function AdminNav({ links }: { links: AdminNavLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Editorial and administration" className="border-b border-rule pb-3">
      <ul className="flex flex-wrap gap-1 text-sm font-semibold">
        {links.map((link) => {
          const current = isCurrent(pathname, link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? 'page' : undefined}
                className={`block rounded px-3 py-2 ${current ? 'bg-navy text-white' : 'text-navy hover:bg-white hover:underline'}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
