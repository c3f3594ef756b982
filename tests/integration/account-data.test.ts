import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { donations, giftAidDeclarations, users } from '@/db/schema';
import { deleteAccount, exportAccountData } from '@/lib/auth/account-data';
import { upsertAccount } from '@/lib/auth/accounts';
import { claimGuestGifts } from '@/lib/giving/claim';
import { listGiftsOf } from '@/lib/giving/history';

it('exports an account without its password hash, and deletes it keeping unlinked Gift Aid records', async () => {
  const db = getDb();
  await upsertAccount(db, {
    email: 'leaver@example.org',
    password: 'a long leaver phrase',
    role: 'member',
    name: 'Lee Leaver',
  });
  const [user] = await db.select().from(users).where(eq(users.email, 'leaver@example.org'));
  const [declaration] = await db
    .insert(giftAidDeclarations)
    .values({
      userId: user!.id,
      firstName: 'Lee',
      lastName: 'Leaver',
      houseNameOrNumber: '12',
      postcode: 'AB1 2CD',
      declarationText: 'I am a UK taxpayer…',
    })
    .returning();
  const paid = {
    frequency: 'one_off' as const,
    currency: 'GBP',
    status: 'succeeded' as const,
    paidAt: new Date(),
  };
  const [withGiftAid, plain] = await db
    .insert(donations)
    .values([
      {
        ...paid,
        userId: user!.id,
        amountMinor: 5000,
        email: 'leaver@example.org',
        donorName: 'Lee Leaver',
        giftAidDeclarationId: declaration!.id,
      },
      {
        ...paid,
        userId: user!.id,
        amountMinor: 1000,
        email: 'leaver@example.org',
        donorName: 'Lee Leaver',
      },
    ])
    .returning();

  const exported = await exportAccountData(user!.id);
  expect(exported!.account).toMatchObject({ email: 'leaver@example.org', name: 'Lee Leaver' });
  expect(JSON.stringify(exported)).not.toContain('argon2');
  expect(exported!.donations).toHaveLength(2);
  expect(exported!.giftAidDeclarations).toHaveLength(1);

  await deleteAccount(user!.id);
  expect(await db.select().from(users).where(eq(users.id, user!.id))).toEqual([]);
  const [kept] = await db.select().from(donations).where(eq(donations.id, withGiftAid!.id));
  expect(kept).toMatchObject({
    userId: null,
    email: null,
    donorName: 'Lee Leaver',
    amountMinor: 5000,
  });
  const [anonymised] = await db.select().from(donations).where(eq(donations.id, plain!.id));
  expect(anonymised).toMatchObject({
    userId: null,
    email: null,
    donorName: null,
    amountMinor: 1000,
  });
  const [keptDeclaration] = await db
    .select()
    .from(giftAidDeclarations)
    .where(eq(giftAidDeclarations.id, declaration!.id));
  expect(keptDeclaration).toMatchObject({ userId: null, postcode: 'AB1 2CD' });

  // Whoever proves the address later, by joining with it, receives none of it.
  await upsertAccount(db, {
    email: 'leaver@example.org',
    password: 'a long newcomer phrase',
    role: 'member',
  });
  const [newcomer] = await db.select().from(users).where(eq(users.email, 'leaver@example.org'));
  expect(await claimGuestGifts(newcomer!.id)).toBe(0);
  expect(await listGiftsOf(newcomer!.id)).toEqual([]);
  const [stillUnlinked] = await db
    .select()
    .from(giftAidDeclarations)
    .where(eq(giftAidDeclarations.id, declaration!.id));
  expect(stillUnlinked!.userId).toBeNull();
  expect(await exportAccountData(newcomer!.id)).toMatchObject({
    donations: [],
    giftAidDeclarations: [],
  });
});

it('lists a member’s own paid gifts, newest first', async () => {
  const db = getDb();
  await upsertAccount(db, {
    email: 'giver@example.org',
    password: 'a long giver passphrase',
    role: 'member',
  });
  const [giver] = await db.select().from(users).where(eq(users.email, 'giver@example.org'));
  await db.insert(donations).values([
    {
      userId: giver!.id,
      frequency: 'one_off',
      amountMinor: 2500,
      currency: 'GBP',
      status: 'succeeded',
      paidAt: new Date('2026-01-01'),
    },
    {
      userId: giver!.id,
      frequency: 'monthly',
      amountMinor: 1000,
      currency: 'GBP',
      status: 'succeeded',
      paidAt: new Date('2026-03-01'),
    },
    {
      userId: giver!.id,
      frequency: 'one_off',
      amountMinor: 9900,
      currency: 'GBP',
      status: 'pending',
    },
  ]);
  const gifts = await listGiftsOf(giver!.id);
  expect(gifts.map((gift) => [gift.amountMinor, gift.frequency])).toEqual([
    [1000, 'monthly'],
    [2500, 'one_off'],
  ]);
});
