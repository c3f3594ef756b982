import 'server-only';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { donations, giftAidDeclarations, recurringGifts, users } from '@/db/schema';

/**
 * Gives a member the gifts made as a guest with the address they have just proved is theirs,
 * with the monthly gifts and Gift Aid declarations behind them. Called wherever an address
 * becomes verified; gifts already on someone's account stay where they are.
 */
export async function claimGuestGifts(userId: string): Promise<number> {
  return getDb().transaction(async (tx) => {
    const [user] = await tx
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.id, userId), isNotNull(users.emailVerified)));
    if (!user) return 0;
    const claimed = await tx
      .update(donations)
      .set({ userId })
      .where(and(isNull(donations.userId), eq(donations.email, user.email)))
      .returning({ declaration: donations.giftAidDeclarationId });
    await tx
      .update(recurringGifts)
      .set({ userId })
      .where(and(isNull(recurringGifts.userId), eq(recurringGifts.email, user.email)));
    const declarations = claimed.flatMap((row) => (row.declaration ? [row.declaration] : []));
    if (declarations.length > 0) {
      await tx
        .update(giftAidDeclarations)
        .set({ userId })
        .where(
          and(isNull(giftAidDeclarations.userId), inArray(giftAidDeclarations.id, declarations)),
        );
    }
    return claimed.length;
  });
}
