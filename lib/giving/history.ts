import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { donations } from '@/db/schema';

export interface GiftRow {
  id: string;
  frequency: 'one_off' | 'monthly';
  amountMinor: number;
  currency: string;
  status: string;
  paidAt: string | null;
  giftAid: boolean;
}

/** A member's own gifts that went through (or were refunded), newest first. */
export async function listGiftsOf(userId: string): Promise<GiftRow[]> {
  const rows = await getDb()
    .select({
      id: donations.id,
      frequency: donations.frequency,
      amountMinor: donations.amountMinor,
      currency: donations.currency,
      status: donations.status,
      paidAt: donations.paidAt,
      giftAidDeclarationId: donations.giftAidDeclarationId,
    })
    .from(donations)
    .where(and(eq(donations.userId, userId), inArray(donations.status, ['succeeded', 'refunded'])))
    .orderBy(desc(donations.paidAt));
  return rows.map(({ giftAidDeclarationId, paidAt, ...row }) => ({
    ...row,
    paidAt: paidAt?.toISOString() ?? null,
    giftAid: giftAidDeclarationId !== null,
  }));
}
