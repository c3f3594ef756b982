import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, giftAidDeclarations, membershipPayments, memberships } from '@/db/schema';
import { giftAidClaimRows } from '@/lib/admin/donations/gift-aid-claim';
import { AdminOnlyError } from '@/lib/auth/who';
import { listMembershipsForAdmin, membershipsCsv } from '@/lib/membership/admin-reads';
import { endGrant, grantMembership } from '@/lib/membership/grants';
import { membershipsOf } from '@/lib/membership/held';
import { readerOf } from '@/lib/membership/reader';
import { deleteTier, saveTier } from '@/lib/membership/tiers';
import { verifiedUser } from '../support/verified-user';

let admin: { id: string };
let editor: { id: string };
let tierId: string;

beforeAll(async () => {
  admin = await verifiedUser('grants-admin@example.org', 'admin');
  editor = await verifiedUser('grants-editor@example.org', 'editor');
  const saved = await saveTier(admin, null, {
    name: 'Council',
    slug: '',
    description: 'Invited members.',
    benefits: '',
    monthlyPrice: '',
    yearlyPrice: '',
    currency: 'GBP',
    trialDays: '',
    visible: '',
    position: '1',
    giftAidEligible: '',
  });
  if (!saved.ok) throw new Error(`tier not saved: ${JSON.stringify(saved)}`);
  tierId = saved.id;
});

let counter = 0;
async function person() {
  counter += 1;
  const email = `invited${counter}@example.org`;
  const { id } = await verifiedUser(email, 'member');
  return { id, email, name: null, role: 'member' as const, verified: true, signedInAt: 0 };
}

describe('complimentary memberships', () => {
  it('give a hidden tier for a period, with the note audited, and end on their day', async () => {
    const member = await person();
    const now = new Date();
    const result = await grantMembership(
      admin,
      { email: member.email.toUpperCase(), tierId, period: '1', note: 'Trustee' },
      now,
    );
    expect(result).toMatchObject({ ok: true });
    const [held] = await membershipsOf(member.id);
    expect(held).toMatchObject({ source: 'complimentary', note: 'Trustee', grantedBy: admin.id });
    expect(held?.standing.state).toBe('active');
    expect((await readerOf(member)).tiers).toEqual([tierId]);
    const endsAt = held!.endsAt!;
    expect(endsAt.getTime()).toBeGreaterThan(now.getTime() + 27 * 86_400_000);
    expect((await membershipsOf(member.id, getDb(), endsAt))[0]?.standing.state).toBe('ended');

    const [audit] = await getDb().select().from(auditLog).where(eq(auditLog.subjectId, held!.id));
    expect(audit).toMatchObject({ action: 'membership.granted', actorId: admin.id });
    expect(audit?.detail).toMatchObject({ tier: 'Council', note: 'Trustee' });
  });

  it('can be ended early by an admin, and then gives no access', async () => {
    const member = await person();
    const granted = await grantMembership(admin, {
      email: member.email,
      tierId,
      period: 'forever',
      note: 'Speaker',
    });
    if (!granted.ok) throw new Error('not granted');
    expect((await membershipsOf(member.id))[0]?.endsAt).toBeNull();
    expect(await endGrant(admin, granted.id)).toEqual({ ok: true });
    expect(await endGrant(admin, granted.id)).toEqual({ ok: false });
    expect((await membershipsOf(member.id))[0]?.standing.state).toBe('ended');
    expect((await readerOf(member)).tiers).toEqual([]);
  });

  it('are refused for unknown or unverified addresses, without a note, and to non-admins', async () => {
    expect(
      await grantMembership(admin, { email: 'nobody@example.org', tierId, period: '1', note: 'x' }),
    ).toMatchObject({ ok: false, fieldErrors: { email: expect.stringContaining('No account') } });
    const member = await person();
    expect(
      await grantMembership(admin, { email: member.email, tierId, period: '13', note: '' }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { period: 'Choose how long it lasts.', note: expect.any(String) },
    });
    await expect(
      grantMembership(editor, { email: member.email, tierId, period: '1', note: 'x' }),
    ).rejects.toThrow(AdminOnlyError);
    expect(await membershipsOf(member.id)).toEqual([]);
  });

  it('keep their tier from being deleted', async () => {
    expect(await deleteTier(admin, tierId)).toMatchObject({ ok: false, reason: 'in-use' });
  });
});

describe('the admin’s membership list', () => {
  it('filters by tier and standing, and exports CSV with an audit row', async () => {
    const member = await person();
    await grantMembership(admin, {
      email: member.email,
      tierId,
      period: '6',
      note: '=HYPERLINK()',
    });
    const current = await listMembershipsForAdmin(admin, { tier: tierId, state: 'current' });
    expect(current.some((row) => row.email === member.email)).toBe(true);
    const ended = await listMembershipsForAdmin(admin, { tier: tierId, state: 'ended' });
    expect(ended.every((row) => row.state === 'ended')).toBe(true);

    const csv = await membershipsCsv(admin, { tier: tierId, state: 'current' });
    expect(csv.csv.split('\r\n')[0]).toContain('Membership ID,E-mail,Name,Tier');
    expect(csv.csv).toContain(member.email);
    // A note that a spreadsheet would run as a formula is written as text.
    expect(csv.csv).toContain("'=HYPERLINK()");
    const exported = await getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'memberships.exported'));
    expect(exported.at(-1)?.detail).toMatchObject({ rowCount: csv.rowCount });
    await expect(membershipsCsv(editor, {})).rejects.toThrow(AdminOnlyError);
  });

  it('lists a member whose account was deleted without their address', async () => {
    const member = await person();
    await grantMembership(admin, { email: member.email, tierId, period: '1', note: 'Gone' });
    await getDb()
      .update(memberships)
      .set({ userId: null })
      .where(eq(memberships.userId, member.id));
    const rows = await listMembershipsForAdmin(admin, { state: 'all' });
    expect(rows.some((row) => row.note === 'Gone' && row.email === null)).toBe(true);
  });
});

describe('Gift Aid on membership fees', () => {
  it('claims eligible fees paid under a declaration, and nothing else', async () => {
    const member = await person();
    const stranger = await person();
    const paidAt = new Date('2026-11-10T12:00:00Z');
    const [declaration] = await getDb()
      .insert(giftAidDeclarations)
      .values({
        userId: member.id,
        firstName: 'Ada',
        lastName: 'Byron',
        houseNameOrNumber: '12',
        postcode: 'SW1A 1AA',
        declarationText: 'I want to Gift Aid my donations.',
        declaredAt: new Date('2026-11-01T12:00:00Z'),
      })
      .returning({ id: giftAidDeclarations.id });
    const fee = (userId: string, overrides: Partial<typeof membershipPayments.$inferInsert>) => ({
      userId,
      tierId,
      description: 'Council membership',
      amountMinor: 6_000,
      currency: 'GBP',
      giftAidEligible: true,
      giftAidDeclarationId: declaration!.id,
      paidAt,
      ...overrides,
    });
    await getDb()
      .insert(membershipPayments)
      .values([
        fee(member.id, { amountMinor: 6_001 }),
        fee(member.id, { amountMinor: 6_002, giftAidEligible: false }),
        fee(member.id, { amountMinor: 6_003, refundedAmountMinor: 1 }),
        fee(member.id, { amountMinor: 6_004, disputedAt: paidAt }),
        fee(member.id, { amountMinor: 6_005, paidAt: new Date('2026-10-01T12:00:00Z') }),
        fee(member.id, { amountMinor: 6_006, currency: 'EUR' }),
        fee(stranger.id, { amountMinor: 6_007, giftAidDeclarationId: null }),
      ]);
    const claim = await giftAidClaimRows(admin, { from: '2026-09-01', to: '2026-11-30' });
    if (!claim.ok) throw new Error('claim refused');
    const ours = claim.rows.filter((row) => row.lastName === 'Byron');
    expect(ours).toEqual([
      expect.objectContaining({ amount: '60.01', donationDate: '10/11/26', postcode: 'SW1A 1AA' }),
    ]);
  });
});
