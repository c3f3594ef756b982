import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { membershipGifts, memberships, membershipTiers, type MembershipGift } from '@/db/schema';
import type { Viewer } from '@/lib/auth/who';
import { hashToken } from '@/lib/auth/tokens';
import { getSiteConfig } from '@/lib/config/site';
import { enqueueEmail } from '@/lib/email/outbox';
import { renderEmail } from '@/lib/email/render';
import { formatMoney } from '@/lib/format/money';
import { isId } from '@/lib/editorial/article-record';
import { logger } from '@/lib/platform/log';
import { formatLongDate, londonToday } from '@/lib/time/london';
import { grantEnd } from './grants';
import { recordGiftPayment } from './records';

export const giftMetadataKey = 'membership_gift_id';

const monthsLabel = (months: number) => (months === 12 ? '1 year' : `${months} months`);

/** "Fellow membership for 6 months" */
export const giftDescription = (tierName: string, months: number) =>
  `${tierName} membership for ${monthsLabel(months)}`;

export interface GivenGift {
  id: string;
  description: string;
  recipientName: string;
  deliverOn: string;
  status: MembershipGift['status'];
}

/** The gift memberships someone has paid for (not those left unpaid), newest first. */
export async function giftsGivenBy(userId: string): Promise<GivenGift[]> {
  const rows = await getDb()
    .select({ gift: membershipGifts, tierName: membershipTiers.name })
    .from(membershipGifts)
    .innerJoin(membershipTiers, eq(membershipTiers.id, membershipGifts.tierId))
    .where(
      and(
        eq(membershipGifts.buyerUserId, userId),
        inArray(membershipGifts.status, ['paid', 'delivered', 'redeemed', 'refunded']),
      ),
    )
    .orderBy(desc(membershipGifts.createdAt));
  return rows.map(({ gift, tierName }) => ({
    id: gift.id,
    description: giftDescription(tierName, gift.months),
    recipientName: gift.recipientName,
    deliverOn: gift.deliverOn,
    status: gift.status,
  }));
}

export function giftOf(metadata: Record<string, string> | null | undefined): string | null {
  const id = metadata?.[giftMetadataKey];
  return id && isId(id) ? id : null;
}

/**
 * A gift's payment has been confirmed: records it (once), queues the buyer's receipt, and sends
 * the gift at once when its day has come. Returns the outbox ids of the e-mails it queued.
 */
export async function recordGiftPaid(
  tx: Transaction,
  giftId: string,
  payment: { paymentIntentId: string | null; amountMinor: number; currency: string; paidAt: Date },
): Promise<string[]> {
  const [gift] = await tx
    .update(membershipGifts)
    .set({ status: 'paid', paidAt: payment.paidAt, stripePaymentIntentId: payment.paymentIntentId })
    .where(and(eq(membershipGifts.id, giftId), eq(membershipGifts.status, 'pending')))
    .returning();
  if (!gift) return [];
  if (payment.amountMinor !== gift.amountMinor || payment.currency !== gift.currency) {
    logger.error(
      { giftId, reported: payment },
      'gift amount differs from Stripe; paid as recorded',
    );
  }
  const tierName = await tierNameOf(tx, gift.tierId);
  await recordGiftPayment(tx, gift, giftDescription(tierName, gift.months), payment);
  const emails = [
    gift.buyerEmail ? await queueBuyerReceipt(tx, gift, tierName) : null,
    gift.deliverOn <= londonToday() ? await deliver(tx, gift, tierName) : null,
  ];
  return emails.filter((id): id is string => id !== null);
}

async function tierNameOf(tx: Transaction, tierId: string): Promise<string> {
  const [tier] = await tx
    .select({ name: membershipTiers.name })
    .from(membershipTiers)
    .where(eq(membershipTiers.id, tierId));
  return tier?.name ?? 'Membership';
}

async function queueBuyerReceipt(
  tx: Transaction,
  gift: MembershipGift,
  tierName: string,
): Promise<string | null> {
  const site = getSiteConfig();
  return enqueueEmail(
    tx,
    {
      to: gift.buyerEmail!,
      subject: `Your gift membership of ${site.name}`,
      ...renderEmail({
        heading: 'Thank you for your gift',
        paragraphs: [
          `Dear ${gift.buyerName},`,
          `We received ${formatMoney(gift.amountMinor, gift.currency)} for a gift of ${giftDescription(tierName, gift.months)} for ${gift.recipientName}.`,
          `We will e-mail it to ${gift.recipientEmail} on ${formatLongDate(`${gift.deliverOn}T12:00:00Z`)}, with your message. Their membership starts when they redeem it.`,
        ],
        action: { label: 'Membership', url: `${site.url}/membership` },
        footer: 'You received this because you bought a gift membership. Keep it for your records.',
      }),
    },
    'membership',
    { reference: `gift-receipt-${gift.id}` },
  );
}

/**
 * Sends the recipient their gift with a single-use link to redeem it. Only the link's hash is
 * kept; a gift already sent is not sent again.
 */
async function deliver(
  tx: Transaction,
  gift: MembershipGift,
  tierName: string,
): Promise<string | null> {
  const token = randomBytes(32).toString('base64url');
  const [sent] = await tx
    .update(membershipGifts)
    .set({ status: 'delivered', deliveredAt: new Date(), redeemTokenHash: hashToken(token) })
    .where(and(eq(membershipGifts.id, gift.id), eq(membershipGifts.status, 'paid')))
    .returning({ id: membershipGifts.id });
  if (!sent) return null;
  const site = getSiteConfig();
  return enqueueEmail(
    tx,
    {
      to: gift.recipientEmail,
      subject: `${gift.buyerName} has given you a membership of ${site.name}`,
      ...renderEmail({
        heading: 'A gift for you',
        paragraphs: [
          `Dear ${gift.recipientName},`,
          `${gift.buyerName} has given you ${giftDescription(tierName, gift.months)} of ${site.name}.`,
          ...(gift.message ? [`Their message: “${gift.message}”`] : []),
          'Your membership starts when you redeem it, with an account of your own (free to make).',
          'Keep this e-mail to yourself: the link starts the membership for whoever opens it first.',
        ],
        action: { label: 'Redeem your gift', url: `${site.url}/membership/redeem/${token}` },
        footer: `You received this because ${gift.buyerName} bought you a gift membership.`,
      }),
    },
    'membership',
    { reference: `gift-delivery-${gift.id}` },
  );
}

/** Sends every paid gift whose day has come; run by the worker. Returns how many were sent. */
export async function deliverDueGifts(today = londonToday()): Promise<number> {
  const due = await getDb()
    .select()
    .from(membershipGifts)
    .where(and(eq(membershipGifts.status, 'paid'), lte(membershipGifts.deliverOn, today)))
    .limit(100);
  for (const gift of due) {
    await getDb().transaction(async (tx) => deliver(tx, gift, await tierNameOf(tx, gift.tierId)));
  }
  return due.length;
}

export interface GiftToRedeem {
  id: string;
  tierName: string;
  months: number;
  buyerName: string;
  recipientName: string;
  message: string;
  status: MembershipGift['status'];
}

async function giftByToken(token: string) {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const [row] = await getDb()
    .select({ gift: membershipGifts, tierName: membershipTiers.name })
    .from(membershipGifts)
    .innerJoin(membershipTiers, eq(membershipTiers.id, membershipGifts.tierId))
    .where(eq(membershipGifts.redeemTokenHash, hashToken(token)));
  return row ?? null;
}

/** The gift a redemption link names, for its page; null for a link that names none. */
export async function giftForRedemption(token: string): Promise<GiftToRedeem | null> {
  const found = await giftByToken(token);
  if (!found) return null;
  const { gift, tierName } = found;
  return {
    id: gift.id,
    tierName,
    months: gift.months,
    buyerName: gift.buyerName,
    recipientName: gift.recipientName,
    message: gift.message,
    status: gift.status,
  };
}

export type Redemption =
  | { ok: true; endsAt: Date }
  | { ok: false; reason: 'unknown' | 'used' | 'refunded' | 'unverified' };

/**
 * Starts the membership a gift holds for the signed-in person who opened its link: the link is
 * the proof, whatever address the account has. Once only, even when two requests race.
 */
export async function redeemGift(
  viewer: Viewer,
  token: string,
  now = new Date(),
): Promise<Redemption> {
  if (!viewer.verified) return { ok: false, reason: 'unverified' };
  const found = await giftByToken(token);
  if (!found) return { ok: false, reason: 'unknown' };
  if (found.gift.status === 'refunded') return { ok: false, reason: 'refunded' };
  const endsAt = grantEnd(now, found.gift.months);
  return getDb().transaction(async (tx): Promise<Redemption> => {
    const [claimed] = await tx
      .update(membershipGifts)
      .set({ status: 'redeemed', redeemedAt: now })
      .where(and(eq(membershipGifts.id, found.gift.id), eq(membershipGifts.status, 'delivered')))
      .returning();
    if (!claimed) return { ok: false, reason: 'used' };
    const [membership] = await tx
      .insert(memberships)
      .values({
        userId: viewer.id,
        tierId: claimed.tierId,
        source: 'gift',
        status: 'active',
        startedAt: now,
        endsAt,
        note: `A gift from ${claimed.buyerName}`,
      })
      .returning({ id: memberships.id });
    await tx
      .update(membershipGifts)
      .set({ membershipId: membership!.id })
      .where(eq(membershipGifts.id, claimed.id));
    return { ok: true, endsAt };
  });
}

const reminderDays = 7;

/**
 * Reminds each member whose gift membership ends within the week, once, that it is ending and
 * how to keep it; run by the worker. Returns how many were reminded.
 */
export async function remindEndingGifts(now = new Date()): Promise<number> {
  const soon = new Date(now.getTime() + reminderDays * 86_400_000);
  const ending = await getDb()
    .select({
      membershipId: memberships.id,
      endsAt: memberships.endsAt,
      tierName: membershipTiers.name,
      email: sql<string>`(select email from users where users.id = ${memberships.userId})`,
    })
    .from(memberships)
    .innerJoin(membershipTiers, eq(membershipTiers.id, memberships.tierId))
    .where(
      and(
        eq(memberships.source, 'gift'),
        eq(memberships.status, 'active'),
        isNull(memberships.endedAt),
        gt(memberships.endsAt, now),
        lte(memberships.endsAt, soon),
      ),
    );
  const site = getSiteConfig();
  let queued = 0;
  for (const row of ending) {
    if (!row.email || !row.endsAt) continue;
    const id = await enqueueEmail(
      getDb(),
      {
        to: row.email,
        subject: `Your gift membership of ${site.name} ends on ${formatLongDate(row.endsAt)}`,
        ...renderEmail({
          heading: 'Your gift membership is ending',
          paragraphs: [
            `Your ${row.tierName} membership, a gift, ends on ${formatLongDate(row.endsAt)}.`,
            'To keep reading and taking part, join before then: it takes a minute.',
          ],
          action: { label: 'Keep your membership', url: `${site.url}/membership` },
          footer: 'You received this because you hold a gift membership.',
        }),
      },
      'membership',
      { reference: `gift-ending-${row.membershipId}` },
    );
    if (id) queued += 1;
  }
  return queued;
}

/** A gift whose Checkout expired unpaid: nothing was charged and nothing is sent. */
export async function expireGift(tx: Transaction, giftId: string): Promise<void> {
  await tx
    .update(membershipGifts)
    .set({ status: 'expired' })
    .where(and(eq(membershipGifts.id, giftId), eq(membershipGifts.status, 'pending')));
}

/**
 * A gift's payment refunded in full: the gift is withdrawn, and the membership it started, if
 * any, ends now.
 */
export async function refundGift(tx: Transaction, paymentIntentId: string, at: Date) {
  const [gift] = await tx
    .update(membershipGifts)
    .set({ status: 'refunded' })
    .where(
      and(
        eq(membershipGifts.stripePaymentIntentId, paymentIntentId),
        inArray(membershipGifts.status, ['paid', 'delivered', 'redeemed']),
      ),
    )
    .returning();
  if (!gift?.membershipId) return;
  await tx
    .update(memberships)
    .set({ status: 'canceled', endedAt: at, endedReason: 'refunded' })
    .where(eq(memberships.id, gift.membershipId));
}
