import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { membershipPayments, type MembershipPayment } from '@/db/schema';

export type { MembershipPayment };
import { isId } from '@/lib/editorial/article-record';

/** A member's membership payments, newest first: their receipts. */
export function paymentsOf(userId: string): Promise<MembershipPayment[]> {
  return getDb()
    .select()
    .from(membershipPayments)
    .where(eq(membershipPayments.userId, userId))
    .orderBy(desc(membershipPayments.paidAt));
}

/** One payment, only when it is the member's own; anyone else's answers as a missing one. */
export async function paymentOf(
  userId: string,
  paymentId: string,
): Promise<MembershipPayment | null> {
  if (!isId(paymentId)) return null;
  const [row] = await getDb()
    .select()
    .from(membershipPayments)
    .where(and(eq(membershipPayments.id, paymentId), eq(membershipPayments.userId, userId)));
  return row ?? null;
}

/** The reference printed on a membership receipt. */
export function membershipReceiptReference(paymentId: string): string {
  return `NM-${paymentId.replace(/-/g, '').slice(0, 10).toUpperCase()}`;
}
