'use client';

import Link from 'next/link';
import type { NavLink } from '@/lib/config/site';
import { HeaderAccountLinks } from './header-account-links';
import { useHeaderAccount } from './use-header-account';
import { useMenu } from './use-menu';

const menuId = 'site-menu';

const toggleClass =
  'no-print ml-auto flex h-10 shrink-0 items-center gap-2 rounded border border-rule bg-white px-3 text-sm font-semibold text-navy lg:hidden';

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className="size-5"
      fill="none"
      stroke="currentColor"
    >
      {open ? (
        <path d="M5 5l10 10M15 5L5 15" strokeWidth="2" strokeLinecap="round" />
      ) : (
        <path d="M3 5h14M3 10h14M3 15h14" strokeWidth="2" strokeLinecap="round" />
      )}
    </svg>
  );
}

/**
 * The header's bar and sections. On wide screens: the site's name, the reader's links and the
 * sections in a row below. On phones: the name and a Menu button that opens the sections, search,
 * the reader's links and support. Rendered alike for every reader; who is signed in is filled in
 * the browser, in space kept for it, so nothing moves when it arrives.
 */
export function HeaderBar({ siteName, navigation }: { siteName: string; navigation: NavLink[] }) {
  const { account, settled } = useHeaderAccount();
  const { enhanced, open, toggle, close, buttonRef, areaRef } = useMenu();
  const waiting = settled ? '' : 'invisible';
  return (
    <div ref={areaRef}>
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:px-6 lg:h-18">
        <Link
          href="/"
          className="min-w-0 truncate font-serif text-xl font-semibold tracking-tight text-navy no-underline sm:text-2xl lg:text-3xl"
        >
          {siteName}
        </Link>
        <div className={`no-print ml-auto hidden text-sm font-medium lg:block ${waiting}`}>
          <HeaderAccountLinks account={account} placement="bar" />
        </div>
        {enhanced ? (
          <button
            ref={buttonRef}
            type="button"
            aria-expanded={open}
            aria-controls={menuId}
            onClick={toggle}
            className={`${toggleClass} cursor-pointer`}
          >
            <MenuIcon open={open} />
            Menu
          </button>
        ) : (
          <a href={`#${menuId}`} className={toggleClass}>
            <MenuIcon open={false} />
            Menu
          </a>
        )}
      </div>
      <div
        id={menuId}
        data-open={open || undefined}
        data-enhanced={enhanced || undefined}
        onClick={(event) => {
          if ((event.target as Element).closest('a')) close();
        }}
        className="no-print absolute inset-x-0 top-full z-40 hidden scroll-mt-16 border-y border-rule bg-paper pb-4 shadow-lg data-open:block lg:static lg:block lg:border-b-0 lg:pb-0 lg:shadow-none [&:target:not([data-enhanced])]:block"
      >
        <nav aria-label="Main">
          <ul className="mx-auto flex max-w-6xl flex-col px-1 pt-2 lg:flex-row lg:gap-1 lg:px-4 lg:pt-0">
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
        <div className={`mx-1 mt-2 border-t border-rule pt-2 text-base lg:hidden ${waiting}`}>
          <HeaderAccountLinks account={account} placement="menu" />
        </div>
      </div>
      {account.signedIn && account.paymentProblem && (
        <PaymentProblem accessUntil={account.paymentProblem.accessUntil} />
      )}
    </div>
  );
}

/** On every page, for a member whose membership payment failed: what to do, and by when. */
function PaymentProblem({ accessUntil }: { accessUntil: string | null }) {
  return (
    <p
      role="status"
      className="no-print border-t border-accent bg-highlight px-4 py-2 text-center text-sm"
    >
      {accessUntil
        ? `Your last membership payment did not go through. Update your card by ${accessUntil} to keep your membership.`
        : 'Your membership is paused: a payment did not go through.'}{' '}
      <Link href="/account#membership" className="font-semibold text-accent-dark underline">
        Update your card
      </Link>
    </p>
  );
}
