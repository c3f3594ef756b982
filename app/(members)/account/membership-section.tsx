import Link from 'next/link';
import type { HeldMembership } from '@/lib/membership/held';
import type { MembershipPayment } from '@/lib/membership/payments';
import type { GivenGift } from '@/lib/membership/gifts';
import { stateLabels } from '@/lib/membership/standing';
import { formatMoney } from '@/lib/format/money';
import { formatLongDate } from '@/lib/time/london';
import { manageMembershipAction } from './actions';

interface Props {
  held: HeldMembership[];
  payments: MembershipPayment[];
  given: GivenGift[];
  portalError: boolean;
}

const giftStates: Record<GivenGift['status'], (day: string) => string> = {
  pending: () => 'Not paid',
  expired: () => 'Not paid',
  paid: (day) => `To be sent on ${day}`,
  delivered: (day) => `Sent on ${day}, not yet redeemed`,
  redeemed: () => 'Redeemed',
  refunded: () => 'Refunded',
};

const per = { month: 'a month', year: 'a year' } as const;

function nextStep(membership: HeldMembership): string | null {
  const { standing, currentPeriodEnd, endsAt, source } = membership;
  if (source !== 'stripe') {
    if (standing.state === 'ended') return null;
    return endsAt ? `Until ${formatLongDate(endsAt)}` : 'No end date';
  }
  if (!currentPeriodEnd) return null;
  switch (standing.state) {
    case 'trialing':
      return `Your free trial ends on ${formatLongDate(currentPeriodEnd)}, when the first payment is taken`;
    case 'active':
      return `Renews on ${formatLongDate(currentPeriodEnd)}`;
    case 'cancelling':
      return `Ends on ${formatLongDate(currentPeriodEnd)}; it will not renew`;
    default:
      return null;
  }
}

/** The member's paid membership on /account: tier, price, renewal, payment state, receipts. */
export function MembershipSection({ held, payments, given, portalError }: Props) {
  const shown = held.filter((row) => row.standing.state !== 'ended').slice(0, 3);
  const lastEnded = shown.length === 0 ? held.find((row) => row.standing.state === 'ended') : null;
  return (
    <section id="membership" aria-labelledby="membership-heading" className="mt-10 scroll-mt-8">
      <h2 id="membership-heading" className="font-serif text-2xl font-semibold">
        Your membership
      </h2>
      {portalError && (
        <p
          role="alert"
          className="mt-3 rounded border border-accent bg-white px-4 py-3 text-accent-dark"
        >
          We could not open the page for managing your membership. Nothing has changed: please try
          again in a moment.
        </p>
      )}
      {shown.map((membership) => (
        <div key={membership.id} className="mt-4 rounded border border-rule bg-white">
          {membership.standing.state === 'grace' && membership.standing.graceEndsAt && (
            <p role="alert" className="border-b border-accent bg-highlight px-5 py-3">
              Your last payment did not go through. Update your card by{' '}
              <strong>{formatLongDate(membership.standing.graceEndsAt)}</strong> to keep your
              membership.
            </p>
          )}
          {membership.standing.state === 'lapsed' && (
            <p role="alert" className="border-b border-accent bg-highlight px-5 py-3">
              Your membership is paused because a payment did not go through. Update your card to
              restore it.
            </p>
          )}
          <dl className="divide-y divide-rule">
            {[
              ['Tier', membership.tierName],
              ['Status', stateLabels[membership.standing.state]],
              [
                'Price',
                membership.amountMinor !== null && membership.currency && membership.interval
                  ? `${formatMoney(membership.amountMinor, membership.currency)} ${per[membership.interval]}`
                  : membership.source === 'gift'
                    ? 'A gift'
                    : 'Complimentary',
              ],
              ['Next', nextStep(membership)],
            ]
              .filter((entry): entry is [string, string] => entry[1] !== null)
              .map(([term, value]) => (
                <div key={term} className="grid gap-1 px-5 py-3 sm:grid-cols-3">
                  <dt className="text-sm font-semibold text-muted">{term}</dt>
                  <dd className="sm:col-span-2">{value}</dd>
                </div>
              ))}
          </dl>
          {membership.source === 'stripe' && (
            <form action={manageMembershipAction} className="border-t border-rule px-5 py-3">
              <button
                type="submit"
                className="rounded border border-navy px-3 py-1 text-sm font-semibold text-navy hover:bg-paper"
              >
                Change tier, billing or card, or cancel
              </button>
            </form>
          )}
        </div>
      ))}
      {shown.length === 0 && (
        <p className="mt-2 text-muted">
          {lastEnded
            ? `Your ${lastEnded.tierName} membership has ended. `
            : 'You have a free account. '}
          <Link href="/membership" className="font-semibold text-accent underline">
            See membership tiers
          </Link>
        </p>
      )}
      {payments.length > 0 && (
        <>
          <h3 className="mt-6 font-semibold">Membership payments</h3>
          <ul className="mt-2 divide-y divide-rule rounded border border-rule bg-white">
            {payments.map((payment) => (
              <li key={payment.id} className="flex flex-wrap justify-between gap-4 px-5 py-3">
                <span>
                  {formatMoney(payment.amountMinor, payment.currency)} {payment.description}
                  {payment.refundedAmountMinor > 0 &&
                    (payment.refundedAmountMinor === payment.amountMinor
                      ? ' (refunded)'
                      : ` (${formatMoney(payment.refundedAmountMinor, payment.currency)} refunded)`)}
                </span>
                <span className="flex gap-4">
                  <span className="text-muted">{formatLongDate(payment.paidAt)}</span>
                  <Link
                    href={`/account/membership/${payment.id}`}
                    className="text-accent underline"
                  >
                    Receipt
                    <span className="sr-only">
                      {' '}
                      for the payment of {formatLongDate(payment.paidAt)}
                    </span>
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {given.length > 0 && (
        <>
          <h3 className="mt-6 font-semibold">Gift memberships you have given</h3>
          <ul className="mt-2 divide-y divide-rule rounded border border-rule bg-white">
            {given.map((gift) => (
              <li key={gift.id} className="flex flex-wrap justify-between gap-4 px-5 py-3">
                <span>
                  {gift.description} for {gift.recipientName}
                </span>
                <span className="text-muted">
                  {giftStates[gift.status](formatLongDate(`${gift.deliverOn}T12:00:00Z`))}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
