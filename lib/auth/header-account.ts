import 'server-only';
import { getArticleIdBySlug } from '@/lib/editorial/article-record';
import { givesMonthly } from '@/lib/giving/recurring';
import { membershipsOf } from '@/lib/membership/held';
import { formatLongDate } from '@/lib/time/london';
import type { Viewer } from '@/lib/auth/who';

/**
 * What the site's header shows the reader of a page: whether anyone is signed in and, if so,
 * what their links are. Pages are the same for every reader (anonymous ones are cached and
 * shared), so the header asks for this from the browser (/api/header).
 */
export type HeaderAccount = { signedIn: false } | SignedInHeader;

export interface SignedInHeader {
  signedIn: true;
  /** The member's name, when they gave one. */
  name: string | null;
  /** Editors and admins: a link to the editorial area. */
  staff: boolean;
  /** A running monthly gift: "Your giving" in place of "Support us". */
  givesMonthly: boolean;
  /** For staff on an article's page: where to edit it. */
  editHref: string | null;
  /**
   * A paid membership whose payment failed: until when it still gives access ("10 December
   * 2026"), or null once it has lapsed. Absent when nothing is wrong.
   */
  paymentProblem?: { accessUntil: string | null };
}

const staffRoles = new Set<Viewer['role']>(['editor', 'admin']);

export async function describeHeaderAccount(
  viewer: Viewer,
  articleSlug: string | null,
): Promise<SignedInHeader> {
  const staff = staffRoles.has(viewer.role);
  const [monthly, articleId, held] = await Promise.all([
    givesMonthly(viewer.id),
    staff && articleSlug ? getArticleIdBySlug(articleSlug) : null,
    membershipsOf(viewer.id),
  ]);
  const failing = held.find(
    (row) => row.standing.state === 'grace' || row.standing.state === 'lapsed',
  );
  return {
    signedIn: true,
    name: viewer.name,
    staff,
    givesMonthly: monthly,
    editHref: articleId ? `/admin/articles/${articleId}` : null,
    ...(failing && {
      paymentProblem: {
        accessUntil: failing.standing.graceEndsAt
          ? formatLongDate(failing.standing.graceEndsAt)
          : null,
      },
    }),
  };
}
