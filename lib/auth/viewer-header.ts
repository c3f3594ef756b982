import 'server-only';
import { databaseDownSince } from '@/lib/platform/database-availability';
import { describeHeaderAccount, type HeaderAccount } from './header-account';
import { getViewer } from './viewer';

/**
 * The header of the current request's reader, on the article at `articleSlug` if any; null while
 * the database is out of reach, when nobody's session can be read: not knowing is not "signed
 * out", and the browser must not forget that it is signed in.
 */
export async function getHeaderAccount(articleSlug: string | null): Promise<HeaderAccount | null> {
  if (databaseDownSince() !== null) return null;
  const viewer = await getViewer();
  return viewer ? describeHeaderAccount(viewer, articleSlug) : { signedIn: false };
}
