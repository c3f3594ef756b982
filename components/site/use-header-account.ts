import { usePathname } from 'next/navigation';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { HeaderAccount } from '@/lib/auth/header-account';
import { forgetSignedInHint, hasSignedInHint } from '@/lib/auth/signed-in-hint';

const anonymous: HeaderAccount = { signedIn: false };
// A signed-in reader's article is served from /members-view (proxy.ts).
const articlePath = /^\/(?:articles|members-view)\/([^/]+)$/;

async function askServer(pathname: string, signal: AbortSignal): Promise<HeaderAccount | null> {
  const slug = articlePath.exec(pathname)?.[1];
  const query = slug ? `?${new URLSearchParams({ article: decodeURIComponent(slug) })}` : '';
  const response = await fetch(`/api/header${query}`, { cache: 'no-store', signal });
  return response.ok ? ((await response.json()) as HeaderAccount) : null;
}

const unchanging = () => () => {};

export interface HeaderAccountState {
  account: HeaderAccount;
  /** False while the server has yet to say who a reader who may be signed in is. */
  settled: boolean;
}

/**
 * Who the header shows as signed in. Every page is rendered as for an anonymous reader, so that
 * it can be cached and shared; in the browser, a reader whose cookies hint at a session asks the
 * server, afresh on each page, and nobody else asks anything.
 */
export function useHeaderAccount(): HeaderAccountState {
  const pathname = usePathname();
  // Read again at each render, and so at each navigation: signing in or out sets or clears it.
  const hinted = useSyncExternalStore(
    unchanging,
    () => hasSignedInHint(document.cookie),
    () => false,
  );
  const [answer, setAnswer] = useState<{ pathname: string; account: HeaderAccount | null }>();

  useEffect(() => {
    if (!hinted) return;
    const controller = new AbortController();
    askServer(pathname, controller.signal)
      .catch(() => null)
      .then((account) => {
        if (controller.signal.aborted) return;
        if (account?.signedIn === false) forgetSignedInHint();
        setAnswer({ pathname, account });
      });
    return () => controller.abort();
  }, [hinted, pathname]);

  if (!hinted) return { account: anonymous, settled: true };
  if (!answer) return { account: anonymous, settled: false };
  // When it cannot be told, the header offers to log in: the log-in page knows better.
  const account = answer.account ?? anonymous;
  // Until this page's answer comes, the last one still says who is signed in, not what to edit.
  if (account.signedIn && answer.pathname !== pathname) {
    return { account: { ...account, editHref: null }, settled: true };
  }
  return { account, settled: true };
}
