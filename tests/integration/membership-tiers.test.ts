import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, membershipTiers } from '@/db/schema';
import { AdminOnlyError } from '@/lib/auth/who';
import { readContentVersion } from '@/lib/cache/content-watch';
import { deleteTier, getTier, listTiers, listVisibleTiers, saveTier } from '@/lib/membership/tiers';
import { verifiedUser } from '../support/verified-user';

let admin: { id: string };
let editor: { id: string };

const form = (fields: Record<string, string> = {}) => ({
  name: 'Supporter',
  slug: '',
  description: 'For readers who want to back our work.',
  benefits: '- Quarterly briefing\n\n• Invitations to members’ events\n',
  monthlyPrice: '£5',
  yearlyPrice: '50.00',
  currency: 'GBP',
  trialDays: '',
  visible: 'on',
  position: '1',
  giftAidEligible: '',
  ...fields,
});

const auditRows = (id: string) =>
  getDb()
    .select({ action: auditLog.action, actorId: auditLog.actorId, detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'membership_tier'), eq(auditLog.subjectId, id)))
    .orderBy(auditLog.createdAt);

beforeAll(async () => {
  admin = await verifiedUser('tiers-admin@example.org', 'admin');
  editor = await verifiedUser('tiers-editor@example.org', 'editor');
});

it('creates a tier from its form, prices in minor units, benefits one a line, with an audit row', async () => {
  const saved = await saveTier(admin, null, form());
  expect(saved).toMatchObject({ ok: true, slug: 'supporter' });
  if (!saved.ok) return;
  const tier = await getTier(saved.id);
  expect(tier).toMatchObject({
    name: 'Supporter',
    monthlyPriceMinor: 500,
    yearlyPriceMinor: 5000,
    currency: 'GBP',
    trialDays: null,
    visible: true,
    giftAidEligible: false,
    benefits: ['Quarterly briefing', 'Invitations to members’ events'],
  });
  expect(await auditRows(saved.id)).toEqual([
    {
      action: 'membership_tier.created',
      actorId: admin.id,
      detail: expect.objectContaining({ monthlyPriceMinor: 500, yearlyPriceMinor: 5000 }),
    },
  ]);
});

it('records a change of price with what it was before', async () => {
  const saved = await saveTier(admin, null, form({ name: 'Fellow', yearlyPrice: '' }));
  if (!saved.ok) throw new Error('not saved');
  const changed = await saveTier(
    admin,
    saved.id,
    form({ name: 'Fellow', monthlyPrice: '12.50', trialDays: '14', giftAidEligible: 'on' }),
  );
  expect(changed).toMatchObject({ ok: true, id: saved.id });
  expect(await getTier(saved.id)).toMatchObject({
    monthlyPriceMinor: 1250,
    yearlyPriceMinor: 5000,
    trialDays: 14,
    giftAidEligible: true,
  });
  const rows = await auditRows(saved.id);
  expect(rows.map((row) => row.action)).toEqual([
    'membership_tier.created',
    'membership_tier.updated',
  ]);
  expect(rows[1]!.detail).toMatchObject({
    monthlyPriceMinor: 1250,
    before: { monthlyPriceMinor: 500, yearlyPriceMinor: null, giftAidEligible: false },
  });
});

it('refuses a second tier of the same name or slug, however it is capitalised', async () => {
  await saveTier(admin, null, form({ name: 'Patron' }));
  expect(await saveTier(admin, null, form({ name: 'PATRON', slug: 'patron-again' }))).toEqual({
    ok: false,
    reason: 'invalid',
    fieldErrors: { name: 'Another tier has this name.' },
  });
  expect(await saveTier(admin, null, form({ name: 'Patron plus', slug: 'patron' }))).toEqual({
    ok: false,
    reason: 'invalid',
    fieldErrors: { slug: 'Another tier has this slug.' },
  });
});

it('keeps a hidden tier off the visible list, and lets it go without a price', async () => {
  const hidden = await saveTier(
    admin,
    null,
    form({ name: 'Honorary', visible: '', monthlyPrice: '', yearlyPrice: '' }),
  );
  expect(hidden).toMatchObject({ ok: true });
  expect((await listTiers()).map((tier) => tier.name)).toContain('Honorary');
  expect((await listVisibleTiers()).map((tier) => tier.name)).not.toContain('Honorary');
});

it('refuses a visible tier without a price, and changes nothing', async () => {
  const before = await listTiers();
  const result = await saveTier(
    admin,
    null,
    form({ name: 'Free lunch', monthlyPrice: '', yearlyPrice: '' }),
  );
  expect(result).toMatchObject({ ok: false, reason: 'invalid' });
  expect(await listTiers()).toEqual(before);
});

it('lets only an admin create, change or delete a tier', async () => {
  await expect(saveTier(editor, null, form({ name: 'Editor’s tier' }))).rejects.toBeInstanceOf(
    AdminOnlyError,
  );
  const [any] = await listTiers();
  await expect(deleteTier(editor, any!.id)).rejects.toBeInstanceOf(AdminOnlyError);
  expect(await getTier(any!.id)).toBeDefined();
});

it('deletes a tier with an audit row; a second delete finds nothing', async () => {
  const saved = await saveTier(admin, null, form({ name: 'Short-lived' }));
  if (!saved.ok) throw new Error('not saved');
  expect(await deleteTier(admin, saved.id)).toEqual({ ok: true });
  expect(await getTier(saved.id)).toBeUndefined();
  expect(await deleteTier(admin, saved.id)).toEqual({ ok: false, reason: 'not-found' });
  expect((await auditRows(saved.id)).map((row) => row.action)).toContain('membership_tier.deleted');
  expect(await saveTier(admin, 'not-an-id', form())).toEqual({ ok: false, reason: 'not-found' });
});

it('the database itself refuses a visible tier with no price', async () => {
  await expect(
    getDb().insert(membershipTiers).values({ name: 'Bare', slug: 'bare', visible: true }),
  ).rejects.toThrow();
});

it('moves the content version when a tier is renamed or hidden, so cached teasers change', async () => {
  const saved = await saveTier(admin, null, form({ name: 'Renamed Later' }));
  if (!saved.ok) throw new Error('not saved');
  const before = await readContentVersion();
  await saveTier(admin, saved.id, form({ name: 'Renamed Later', description: 'Only this.' }));
  expect(await readContentVersion()).toBe(before);
  await saveTier(admin, saved.id, form({ name: 'Renamed Now' }));
  expect(await readContentVersion()).toBe(before + 1);
  await saveTier(admin, saved.id, form({ name: 'Renamed Now', visible: '', monthlyPrice: '' }));
  expect(await readContentVersion()).toBe(before + 2);
});
