import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import {
  donations,
  giftAidDeclarations,
  type Donation,
  type GiftAidDeclaration,
} from '@/db/schema';
import { getSiteConfig } from '@/lib/config/site';
import { enqueueEmail } from '@/lib/email/outbox';
import { renderEmail } from '@/lib/email/render';
import type { EmailMessage } from '@/lib/email/send';
import { formatLongDate } from '@/lib/time/london';
import { formatMoney } from '@/lib/format/money';

/** The reference printed on a receipt: short enough to read out, unique enough to find. */
export const receiptReference = (donationId: string) =>
  `NG-${donationId.replace(/-/g, '').slice(0, 10).toUpperCase()}`;

export interface ReceiptFacts {
  donation: Donation;
  giftAid: GiftAidDeclaration | null;
}

/** What a receipt says, shared by the e-mail and the printable page. */
export function receiptLines({ donation, giftAid }: ReceiptFacts): string[] {
  const site = getSiteConfig();
  const amount = formatMoney(donation.amountMinor, donation.currency);
  const date = formatLongDate(donation.paidAt ?? donation.createdAt);
  const lines = [
    donation.frequency === 'monthly'
      ? `We received your monthly gift of ${amount} on ${date}.`
      : `We received your gift of ${amount} on ${date}.`,
    `Receipt reference: ${receiptReference(donation.id)}. ${site.name} received this gift with no goods or services given in return.`,
  ];
  if (giftAid) {
    lines.push(
      `Gift Aid: you declared, on ${formatLongDate(giftAid.declaredAt)}, "${giftAid.declarationText}" ` +
        'Please tell us if you want to cancel this declaration, change your name or home address, ' +
        'or no longer pay enough Income Tax and/or Capital Gains Tax.',
    );
  }
  if (donation.refundedAmountMinor > 0) {
    lines.push(`Refunded: ${formatMoney(donation.refundedAmountMinor, donation.currency)}.`);
  }
  return lines;
}

export async function loadReceiptFacts(
  donationId: string,
  db: Database | Transaction = getDb(),
): Promise<ReceiptFacts | null> {
  const [row] = await db
    .select({ donation: donations, giftAid: giftAidDeclarations })
    .from(donations)
    .leftJoin(giftAidDeclarations, eq(giftAidDeclarations.id, donations.giftAidDeclarationId))
    .where(eq(donations.id, donationId));
  return row ?? null;
}

/**
 * Queues the receipt of each newly confirmed gift, once, inside the caller's transaction: the
 * webhook that confirms a gift queues its receipt in the same commit, so neither a crash nor a
 * mail server that is down can lose or double it. Returns the outbox ids to send now.
 */
export async function queueReceipts(tx: Transaction, donationIds: string[]): Promise<string[]> {
  const queued: string[] = [];
  for (const donationId of donationIds) {
    const [claimed] = await tx
      .update(donations)
      .set({ receiptSentAt: new Date() })
      .where(
        and(
          eq(donations.id, donationId),
          isNull(donations.receiptSentAt),
          eq(donations.status, 'succeeded'),
        ),
      )
      .returning({ id: donations.id });
    const facts = claimed ? await loadReceiptFacts(donationId, tx) : null;
    if (!facts?.donation.email) continue;
    const id = await enqueueEmail(tx, receiptEmail(facts, facts.donation.email), 'receipt', {
      reference: donationId,
    });
    if (id) queued.push(id);
  }
  return queued;
}

/** Sends queued e-mails straight away; any that fail stay in the outbox for its worker. */
function receiptEmail(facts: ReceiptFacts, to: string): EmailMessage {
  const site = getSiteConfig();
  const { donation } = facts;
  const greeting = donation.donorName ? `Dear ${donation.donorName},` : 'Thank you,';
  return {
    to,
    subject: `Your receipt for your gift to ${site.name}`,
    ...renderEmail({
      heading: 'Thank you for your gift',
      paragraphs: [
        greeting,
        ...receiptLines(facts),
        donation.frequency === 'monthly'
          ? 'You can change your card or stop your monthly gift at any time from your account.'
          : 'Your support keeps our research independent and free to read.',
      ],
      action: donation.userId
        ? { label: 'Your giving', url: `${site.url}/account#giving` }
        : { label: 'Join to see your giving', url: `${site.url}/join` },
      footer: 'You received this because you gave to us. Keep it for your records.',
    }),
  };
}
