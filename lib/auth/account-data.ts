import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  donations,
  giftAidDeclarations,
  membershipGifts,
  membershipPayments,
  memberships,
  newsletterSubscribers,
  recurringGifts,
  users,
} from '@/db/schema';

/** Everything we hold about an account, for the member to download. Never the password hash. */
export async function exportAccountData(userId: string) {
  const db = getDb();
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      emailVerified: users.emailVerified,
      role: users.role,
      newsletterOptIn: users.newsletterOptIn,
      privacyConsentAt: users.privacyConsentAt,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const [gifts, monthly, declarations, held, membershipPaid, given] = await Promise.all([
    db
      .select({
        id: donations.id,
        frequency: donations.frequency,
        amountMinor: donations.amountMinor,
        currency: donations.currency,
        status: donations.status,
        anonymous: donations.anonymous,
        paidAt: donations.paidAt,
        createdAt: donations.createdAt,
      })
      .from(donations)
      .where(eq(donations.userId, userId)),
    db
      .select({
        id: recurringGifts.id,
        amountMinor: recurringGifts.amountMinor,
        currency: recurringGifts.currency,
        status: recurringGifts.status,
        createdAt: recurringGifts.createdAt,
        canceledAt: recurringGifts.canceledAt,
      })
      .from(recurringGifts)
      .where(eq(recurringGifts.userId, userId)),
    db
      .select({
        id: giftAidDeclarations.id,
        title: giftAidDeclarations.title,
        firstName: giftAidDeclarations.firstName,
        lastName: giftAidDeclarations.lastName,
        houseNameOrNumber: giftAidDeclarations.houseNameOrNumber,
        postcode: giftAidDeclarations.postcode,
        declaredAt: giftAidDeclarations.declaredAt,
        revokedAt: giftAidDeclarations.revokedAt,
      })
      .from(giftAidDeclarations)
      .where(eq(giftAidDeclarations.userId, userId)),
    db
      .select({
        id: memberships.id,
        tierId: memberships.tierId,
        source: memberships.source,
        status: memberships.status,
        startedAt: memberships.startedAt,
        currentPeriodEnd: memberships.currentPeriodEnd,
        endsAt: memberships.endsAt,
        endedAt: memberships.endedAt,
      })
      .from(memberships)
      .where(eq(memberships.userId, userId)),
    db
      .select({
        id: membershipPayments.id,
        description: membershipPayments.description,
        amountMinor: membershipPayments.amountMinor,
        currency: membershipPayments.currency,
        paidAt: membershipPayments.paidAt,
        refundedAmountMinor: membershipPayments.refundedAmountMinor,
      })
      .from(membershipPayments)
      .where(eq(membershipPayments.userId, userId)),
    db
      .select({
        id: membershipGifts.id,
        months: membershipGifts.months,
        recipientName: membershipGifts.recipientName,
        recipientEmail: membershipGifts.recipientEmail,
        message: membershipGifts.message,
        deliverOn: membershipGifts.deliverOn,
        status: membershipGifts.status,
      })
      .from(membershipGifts)
      .where(eq(membershipGifts.buyerUserId, userId)),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account: user,
    donations: gifts,
    monthlyGifts: monthly,
    giftAidDeclarations: declarations,
    memberships: held,
    membershipPayments: membershipPaid,
    giftMembershipsGiven: given,
  };
}

/**
 * Deletes an account. Gift records the law requires us to keep (Gift Aid claims are open to
 * HMRC audit for six years) stay with the donor's name and declaration, but lose their link to
 * the account and the e-mail address, for good: whoever proves that address later, by joining
 * with it, never receives them. Other gifts also lose the donor's name.
 */
export async function deleteAccount(userId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx
      .update(donations)
      .set({ donorName: null })
      .where(and(eq(donations.userId, userId), isNull(donations.giftAidDeclarationId)));
    await tx
      .update(donations)
      .set({ userId: null, email: null })
      .where(eq(donations.userId, userId));
    await tx
      .update(recurringGifts)
      .set({ userId: null, email: null })
      .where(eq(recurringGifts.userId, userId));
    await tx
      .update(giftAidDeclarations)
      .set({ userId: null })
      .where(eq(giftAidDeclarations.userId, userId));
    await tx
      .update(membershipGifts)
      .set({ buyerUserId: null, buyerEmail: null })
      .where(eq(membershipGifts.buyerUserId, userId));
    // Their newsletters stop with the account: its subscriptions and consent records go too.
    await tx.delete(newsletterSubscribers).where(eq(newsletterSubscribers.userId, userId));
    await tx.delete(users).where(eq(users.id, userId));
  });
}
