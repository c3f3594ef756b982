import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { HeaderAccount } from '@/lib/auth/header-account';
import { logInPath } from '@/lib/auth/redirects';

const place = {
  // In the bar, on wide screens: a row, the support button last.
  bar: {
    list: 'flex items-center gap-1',
    link: 'block whitespace-nowrap rounded px-2 py-2 text-navy underline-offset-4 hover:underline',
    name: 'block max-w-48 truncate whitespace-nowrap rounded px-2 py-2 text-navy underline-offset-4 hover:underline',
    button:
      'ml-2 block whitespace-nowrap rounded bg-accent px-4 py-2 text-white shadow-sm transition-colors hover:bg-accent-dark',
  },
  // In the phone menu: a column of full-width rows, easy to tap.
  menu: {
    list: 'flex flex-col',
    link: 'block w-full px-3 py-3 text-left text-navy underline-offset-4 hover:underline',
    name: 'block w-full truncate px-3 py-3 text-navy underline-offset-4 hover:underline',
    button:
      'mx-3 mt-2 block rounded bg-accent px-4 py-3 text-center text-white hover:bg-accent-dark',
  },
};

interface Props {
  account: HeaderAccount;
  placement: keyof typeof place;
}

/** Log in or the member's own links, then "Support us" or, for a monthly donor, their giving. */
export function HeaderAccountLinks({ account, placement }: Props) {
  const style = place[placement];
  const pathname = usePathname();
  if (!account.signedIn) {
    return (
      <ul className={style.list}>
        <li key="log-in">
          <Link href={logInPath(pathname)} className={style.link}>
            Members’ log in
          </Link>
        </li>
        <SupportLink className={style.button} />
      </ul>
    );
  }
  return (
    <ul className={style.list}>
      {account.editHref && (
        <li key="edit">
          <Link href={account.editHref} className={style.link}>
            Edit this article
          </Link>
        </li>
      )}
      {account.staff && (
        <li key="admin">
          <Link href="/admin" className={style.link}>
            Admin
          </Link>
        </li>
      )}
      <li key="account">
        <Link href="/account" className={style.name}>
          {account.name ? (
            <>
              <span className="sr-only">Your account: </span>
              {account.name}
            </>
          ) : (
            'Account'
          )}
        </Link>
      </li>
      <li key="log-out">
        {/* A plain post: the page that follows loads afresh, signed out (app/api/sign-out). */}
        <form method="post" action="/api/sign-out">
          <button type="submit" className={`${style.link} cursor-pointer`}>
            Log out
          </button>
        </form>
      </li>
      {account.givesMonthly ? (
        <li key="giving">
          <Link href="/account#giving" className={style.button}>
            Your giving
          </Link>
        </li>
      ) : (
        <SupportLink className={style.button} />
      )}
    </ul>
  );
}

function SupportLink({ className }: { className: string }) {
  return (
    <li key="support">
      <Link href="/support" className={className}>
        Support us
      </Link>
    </li>
  );
}
