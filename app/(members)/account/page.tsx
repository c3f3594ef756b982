import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { hasPassword } from '@/lib/auth/change-password';
import { signedInRecently } from '@/lib/auth/sessions';
import { getViewer } from '@/lib/auth/viewer';
import { formatLongDate } from '@/lib/time/london';
import { formatMoney } from '@/lib/format/money';
import { listGiftsOf } from '@/lib/giving/history';
import {
  listMonthlyGiftsOf,
  refreshMonthlyGiftsOf,
  type MonthlyGiftRow,
} from '@/lib/giving/recurring';
import { giftsGivenBy } from '@/lib/membership/gifts';
import { membershipsOf } from '@/lib/membership/held';
import { paymentsOf } from '@/lib/membership/payments';
import { recordCheckoutReturn, refreshMembershipsOf } from '@/lib/membership/sync';
import { readAccountPreferences } from '@/lib/newsletters/subscriptions';
import { firstParam } from '@/lib/validation/params';
import { PreferencesForm } from '@/components/newsletters/preferences-form.client';
import {
  manageMonthlyGiftAction,
  saveNewslettersAction,
  signOutAction,
  signOutEverywhereAction,
} from './actions';
import { MembershipSection } from './membership-section';
import { DeleteAccountForm } from './delete-form.client';
import { ChangeEmailForm } from './email-form.client';
import { ChangePasswordForm } from './password-form.client';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

const portalUnavailableMessage =
  'We could not open the page for managing your monthly gift. Nothing has changed: please try again in a moment.';

const roleLabels = { member: 'Member', editor: 'Editor', admin: 'Administrator' };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AccountPage({ searchParams }: Props) {
  const viewer = await getViewer();
  const query = await searchParams;
  const { changed, portal, welcome } = query;
  if (!viewer) redirect('/login?callbackUrl=%2Faccount');
  if (portal === 'returned') await refreshMonthlyGiftsOf(viewer.id);
  if (portal === 'membership') await refreshMembershipsOf(viewer.id);
  const checkoutSession = firstParam(query.session_id);
  if (query.membership === 'joined' && checkoutSession) {
    await recordCheckoutReturn(viewer.id, checkoutSession);
  }
  const [gifts, monthly, passwordSet, held, membershipPayments, given, newsletters] =
    await Promise.all([
      listGiftsOf(viewer.id),
      listMonthlyGiftsOf(viewer.id),
      hasPassword(viewer.id),
      membershipsOf(viewer.id),
      paymentsOf(viewer.id),
      giftsGivenBy(viewer.id),
      readAccountPreferences(viewer),
    ]);
  const recent = signedInRecently(new Date(viewer.signedInAt));
  const portalError = portal === 'unavailable' ? portalUnavailableMessage : undefined;
  return (
    <div className="mx-auto max-w-2xl py-8">
      <h1 className="font-serif text-4xl font-semibold">Your account</h1>
      {welcome === '1' && (
        <p role="status" className="mt-4 rounded border border-rule bg-white px-4 py-3">
          Your e-mail address is verified and you are signed in. Welcome.
        </p>
      )}
      {changed === 'undone' && (
        <p role="status" className="mt-4 rounded border border-accent bg-white px-4 py-3">
          Your account is back at {viewer.email}, and everyone else has been signed out of it. Its
          password was removed: choose a new one below now.
        </p>
      )}
      <dl className="mt-8 divide-y divide-rule rounded border border-rule bg-white">
        {[
          ['Name', viewer.name ?? '—'],
          ['E-mail address', viewer.email],
          [
            'Account',
            viewer.verified
              ? 'Free account, verified'
              : 'Waiting for you to verify your e-mail address',
          ],
          ['Role', roleLabels[viewer.role]],
        ].map(([term, value]) => (
          <div key={term} className="grid gap-1 px-5 py-4 sm:grid-cols-3">
            <dt className="text-sm font-semibold text-muted">{term}</dt>
            <dd className="sm:col-span-2">{value}</dd>
          </div>
        ))}
      </dl>
      {query.gift === 'redeemed' && (
        <p role="status" className="mt-4 rounded border border-rule bg-white px-4 py-3">
          Your gift membership has started. Enjoy it.
        </p>
      )}
      {query.membership === 'joined' && held.some((row) => row.standing.grantsAccess) && (
        <p role="status" className="mt-4 rounded border border-rule bg-white px-4 py-3">
          Thank you for joining. Your membership is below, with a receipt for each payment.
        </p>
      )}
      <MembershipSection
        held={held}
        payments={membershipPayments}
        given={given}
        portalError={portal === 'membership-unavailable'}
      />
      <section id="giving" aria-labelledby="giving-heading" className="mt-10 scroll-mt-8">
        <h2 id="giving-heading" className="font-serif text-2xl font-semibold">
          Your giving
        </h2>
        {portalError && (
          <p
            role="alert"
            className="mt-3 rounded border border-accent bg-white px-4 py-3 text-accent-dark"
          >
            {portalError}
          </p>
        )}
        {monthly.length > 0 && (
          <>
            <h3 className="mt-4 font-semibold">Monthly gifts</h3>
            <ul className="mt-2 divide-y divide-rule rounded border border-rule bg-white">
              {monthly.map((gift) => (
                <li
                  key={gift.id}
                  className="flex flex-wrap items-center justify-between gap-4 px-5 py-3"
                >
                  <span>
                    {formatMoney(gift.amountMinor, gift.currency)} a month:{' '}
                    <strong>{monthlyStatus(gift)}</strong>
                  </span>
                  {gift.status !== 'canceled' && (
                    <form action={manageMonthlyGiftAction}>
                      <input type="hidden" name="giftId" value={gift.id} />
                      <button
                        type="submit"
                        className="rounded border border-navy px-3 py-1 text-sm font-semibold text-navy hover:bg-paper"
                      >
                        Change card or cancel
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {gifts.length === 0 ? (
          <p className="mt-2 text-muted">
            Gifts you make with this e-mail address appear here.{' '}
            <Link href="/support" className="font-semibold text-accent underline">
              Support our work
            </Link>
          </p>
        ) : (
          <>
            <h3 className="mt-4 font-semibold">Payments</h3>
            <ul className="mt-2 divide-y divide-rule rounded border border-rule bg-white">
              {gifts.map((gift) => (
                <li key={gift.id} className="flex flex-wrap justify-between gap-4 px-5 py-3">
                  <span>
                    {formatMoney(gift.amountMinor, gift.currency)}{' '}
                    {gift.frequency === 'monthly' ? 'monthly gift' : 'gift'}
                    {gift.giftAid && ' with Gift Aid'}
                    {gift.status === 'refunded' && ' (refunded)'}
                  </span>
                  <span className="flex gap-4">
                    <span className="text-muted">
                      {gift.paidAt ? formatLongDate(gift.paidAt) : ''}
                    </span>
                    <Link href={`/account/giving/${gift.id}`} className="text-accent underline">
                      Receipt
                      <span className="sr-only">
                        {' '}
                        for the gift of {gift.paidAt ? formatLongDate(gift.paidAt) : ''}
                      </span>
                    </Link>
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {newsletters.lists.length > 0 && (
        <section id="newsletters" aria-labelledby="newsletters-heading" className="mt-10">
          <h2 id="newsletters-heading" className="font-serif text-2xl font-semibold">
            Newsletters
          </h2>
          {viewer.verified ? (
            <PreferencesForm action={saveNewslettersAction} lists={newsletters.lists} />
          ) : (
            <p className="mt-3 text-muted">
              Once you have verified your e-mail address, you can choose our newsletters here.
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="email-heading" className="mt-10">
        <h2 id="email-heading" className="font-serif text-2xl font-semibold">
          E-mail address
        </h2>
        <div className="mt-4">
          <ChangeEmailForm askPassword={!recent} canUsePassword={passwordSet} />
        </div>
      </section>
      <section aria-labelledby="password-heading" className="mt-10">
        <h2 id="password-heading" className="font-serif text-2xl font-semibold">
          Password
        </h2>
        {changed === 'password' && (
          <p role="status" className="mt-2 font-medium">
            Your password is changed. You stay signed in here; other devices are signed out.
          </p>
        )}
        <div className="mt-4">
          <ChangePasswordForm hasPassword={passwordSet} signedInRecently={recent} />
        </div>
      </section>
      <section aria-labelledby="data-heading" className="mt-10">
        <h2 id="data-heading" className="font-serif text-2xl font-semibold">
          Your data
        </h2>
        <p className="mt-2">
          {/* A download from a route handler, not a page; the lint rule reads the root's pages
              route ([slug]) as matching any address. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/api/account/export" className="font-semibold text-accent underline">
            Download my data
          </a>{' '}
          (JSON: your account, memberships, gifts and Gift Aid declarations).
        </p>
      </section>
      <section aria-labelledby="sessions-heading" className="mt-10">
        <h2 id="sessions-heading" className="font-serif text-2xl font-semibold">
          Signing out
        </h2>
        <p className="mt-2">
          Log out here, or on every device where you are signed in, such as a shared or lost one.
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <form action={signOutAction}>
            <button
              type="submit"
              className="rounded border border-navy px-4 py-2 font-semibold text-navy hover:bg-white"
            >
              Log out
            </button>
          </form>
          <form action={signOutEverywhereAction}>
            <button
              type="submit"
              className="rounded border border-navy px-4 py-2 font-semibold text-navy hover:bg-white"
            >
              Log out everywhere
            </button>
          </form>
        </div>
      </section>
      <section aria-labelledby="delete-heading" className="mt-12 border-t border-rule pt-8">
        <h2 id="delete-heading" className="font-serif text-2xl font-semibold">
          Delete my account
        </h2>
        <div className="mt-4">
          <DeleteAccountForm email={viewer.email} />
        </div>
      </section>
    </div>
  );
}

function monthlyStatus(gift: MonthlyGiftRow): string {
  if (gift.status === 'canceled') {
    return gift.endedAt ? `stopped on ${formatLongDate(gift.endedAt)}` : 'stopped';
  }
  if (gift.endsAt) return `ends on ${formatLongDate(gift.endsAt)}`;
  if (gift.status === 'past_due' || gift.status === 'unpaid') {
    return 'the last payment failed; please update your card';
  }
  if (gift.status === 'incomplete' || gift.status === 'incomplete_expired') return 'not started';
  if (gift.status === 'paused') return 'paused';
  return gift.nextPaymentAt
    ? `active, next payment ${formatLongDate(gift.nextPaymentAt)}`
    : 'active';
}
