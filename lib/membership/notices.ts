import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { membershipTiers, users, type Membership, type MembershipPayment } from '@/db/schema';
import { formatMoney } from '@/lib/format/money';
import { getSiteConfig } from '@/lib/config/site';
import { enqueueEmail } from '@/lib/email/outbox';
import { renderEmail } from '@/lib/email/render';
import { getEnv } from '@/lib/platform/env';
import { formatLongDate } from '@/lib/time/london';
import { standingOf } from './standing';

/**
 * Tells a member that a payment failed, how long they keep access and where to change their
 * card: queued in the transaction that records the failure, once per failed invoice.
 */
export async function queueGraceNotice(
  tx: Transaction,
  membership: Membership,
  invoiceId: string,
  now = new Date(),
): Promise<string | null> {
  if (!membership.userId) return null;
  const [member] = await tx
    .select({ email: users.email, name: users.name, tier: membershipTiers.name })
    .from(users)
    .innerJoin(membershipTiers, eq(membershipTiers.id, membership.tierId))
    .where(eq(users.id, membership.userId));
  if (!member) return null;
  const standing = standingOf(membership, now, getEnv().MEMBERSHIP_GRACE_DAYS);
  const site = getSiteConfig();
  const until = standing.graceEndsAt
    ? `You keep your ${member.tier} membership until ${formatLongDate(standing.graceEndsAt)} while the payment is tried again.`
    : `Your ${member.tier} membership is paused until the payment goes through.`;
  return enqueueEmail(
    tx,
    {
      to: member.email,
      subject: `Your ${site.name} membership payment did not go through`,
      ...renderEmail({
        heading: 'Your membership payment did not go through',
        paragraphs: [
          member.name ? `Dear ${member.name},` : 'Hello,',
          `We could not take the payment for your ${member.tier} membership.`,
          until,
          'To keep it, check or change your card from your account.',
        ],
        action: { label: 'Update your card', url: `${site.url}/account#membership` },
        footer: 'You received this because you are a member. Nothing else has changed.',
      }),
    },
    'membership',
    { reference: `grace-${invoiceId}` },
  );
}

/** The member's receipt for a membership payment, by e-mail, with a link to the printable one. */
export async function queuePaymentReceipt(
  tx: Transaction,
  payment: MembershipPayment,
): Promise<string | null> {
  if (!payment.userId) return null;
  const [member] = await tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, payment.userId));
  if (!member) return null;
  const site = getSiteConfig();
  const period =
    payment.periodStart && payment.periodEnd
      ? ` for ${formatLongDate(payment.periodStart)} to ${formatLongDate(payment.periodEnd)}`
      : '';
  return enqueueEmail(
    tx,
    {
      to: member.email,
      subject: `Your receipt for your ${site.name} membership`,
      ...renderEmail({
        heading: 'Thank you for your membership',
        paragraphs: [
          member.name ? `Dear ${member.name},` : 'Thank you,',
          `We received ${formatMoney(payment.amountMinor, payment.currency)} for your ${payment.description}${period}, on ${formatLongDate(payment.paidAt)}.`,
          ...(payment.giftAidDeclarationId
            ? [
                'Your Gift Aid declaration covers this fee: we will claim 25p from HMRC for every £1.',
              ]
            : []),
        ],
        action: { label: 'Your receipt', url: `${site.url}/account/membership/${payment.id}` },
        footer: 'You received this because you are a member. Keep it for your records.',
      }),
    },
    'membership',
    { reference: `membership-receipt-${payment.id}` },
  );
}
