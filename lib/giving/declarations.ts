import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import { giftAidDeclarations } from '@/db/schema';
import { getSiteConfig } from '@/lib/config/site';
import { giftAidDeclarationText, type GiftAidFields } from './gift-aid';

/** Records a Gift Aid declaration in HMRC's wording, for an account or a guest donor. */
export async function recordDeclaration(
  db: Database | Transaction,
  declaration: GiftAidFields,
  userId: string | null,
): Promise<string> {
  const [row] = await db
    .insert(giftAidDeclarations)
    .values({
      userId,
      title: declaration.giftAidTitle,
      firstName: declaration.giftAidFirstName,
      lastName: declaration.giftAidLastName,
      houseNameOrNumber: declaration.giftAidHouse,
      postcode: declaration.giftAidPostcode,
      coversPastFourYears: declaration.giftAidPastFourYears,
      declarationText: giftAidDeclarationText(
        getSiteConfig().name,
        declaration.giftAidPastFourYears,
      ),
    })
    .returning({ id: giftAidDeclarations.id });
  return row!.id;
}

/** Whether an account holds a declaration it has not revoked. */
export async function hasDeclaration(userId: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: giftAidDeclarations.id })
    .from(giftAidDeclarations)
    .where(and(eq(giftAidDeclarations.userId, userId), isNull(giftAidDeclarations.revokedAt)))
    .limit(1);
  return row !== undefined;
}
