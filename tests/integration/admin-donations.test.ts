import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import {
  auditLog,
  donations,
  giftAidDeclarations,
  users,
  type NewDonation,
  type UserRole,
} from '@/db/schema';
import { AdminOnlyError } from '@/lib/auth/who';
import { donationsCsv } from '@/lib/admin/donations/csv';
import { giftAidClaimCsv, giftAidClaimRows } from '@/lib/admin/donations/gift-aid-claim';
import { listDonations } from '@/lib/admin/donations/list';
import { donationTotalsByMonth } from '@/lib/admin/donations/monthly-totals';
import type { StaffCheck } from '@/lib/auth/viewer';
import { GET as exportRoute } from '@/app/(admin)/admin/donations/export/route';
import { GET as giftAidRoute } from '@/app/(admin)/admin/donations/gift-aid/route';

// The routes ask the session who is there; these tests say it instead.
const session = vi.hoisted(() => ({
  check: { ok: false, reason: 'signed-out' } as StaffCheck,
}));
vi.mock('@/lib/auth/viewer', () => ({ checkRole: async () => session.check }));

const period = { from: '2025-04-01', to: '2025-09-30' };
const people: Record<'admin' | 'editor' | 'member' | 'disabledAdmin', { id: string }> = {
  admin: { id: '' },
  editor: { id: '' },
  member: { id: '' },
  disabledAdmin: { id: '' },
};
const gifts: Record<string, string> = {};

async function person(email: string, role: UserRole, disabledAt: Date | null = null) {
  const [row] = await getDb()
    .insert(users)
    .values({ email, role, disabledAt, emailVerified: new Date() })
    .returning({ id: users.id });
  return { id: row!.id };
}

async function declaration(
  values: Pick<
    typeof giftAidDeclarations.$inferInsert,
    'firstName' | 'lastName' | 'houseNameOrNumber' | 'postcode'
  > &
    Partial<typeof giftAidDeclarations.$inferInsert>,
) {
  const [row] = await getDb()
    .insert(giftAidDeclarations)
    .values({
      declarationText: 'I want to Gift Aid this donation and any donations I make in the future.',
      declaredAt: new Date('2025-01-01T00:00:00Z'),
      ...values,
    })
    .returning({ id: giftAidDeclarations.id });
  return row!.id;
}

async function gift(name: string, values: Partial<NewDonation> & Pick<NewDonation, 'amountMinor'>) {
  const [row] = await getDb()
    .insert(donations)
    .values({
      frequency: 'one_off',
      currency: 'GBP',
      status: 'succeeded',
      createdAt: values.paidAt ?? undefined,
      ...values,
    })
    .returning({ id: donations.id });
  gifts[name] = row!.id;
}

const auditCount = async () => (await getDb().select({ value: count() }).from(auditLog))[0]!.value;

beforeAll(async () => {
  people.admin = await person('admin@example.org', 'admin');
  people.editor = await person('editor@example.org', 'editor');
  people.member = await person('member@example.org', 'member');
  people.disabledAdmin = await person('gone.admin@example.org', 'admin', new Date());

  const ada = await declaration({
    title: 'Ms',
    firstName: 'Ada',
    lastName: 'Lovelace',
    houseNameOrNumber: '12',
    postcode: 'SW1A 1AA',
  });
  const alan = await declaration({
    title: 'Prof',
    firstName: 'Alan',
    lastName: 'Turing',
    houseNameOrNumber: 'Flat 2, Rose Court',
    postcode: 'MK3 6EB',
  });
  const lateWithoutCover = await declaration({
    firstName: 'Grace',
    lastName: 'Hopper',
    houseNameOrNumber: '7',
    postcode: 'EC1A 1BB',
    declaredAt: new Date('2025-09-01T00:00:00Z'),
  });
  const lateWithCover = await declaration({
    title: 'Mrs',
    firstName: 'Mary',
    lastName: 'Somerville',
    houseNameOrNumber: '3',
    postcode: 'EH1 1YZ',
    declaredAt: new Date('2025-09-01T00:00:00Z'),
    coversPastFourYears: true,
  });
  const revoked = await declaration({
    firstName: 'Charles',
    lastName: 'Babbage',
    houseNameOrNumber: '1',
    postcode: 'W1A 0AX',
    revokedAt: new Date('2025-07-01T00:00:00Z'),
  });

  // 00:30 on 1 April in London (summer time), so inside the period.
  await gift('firstOfApril', {
    amountMinor: 1500,
    giftAidDeclarationId: ada,
    paidAt: new Date('2025-03-31T23:30:00Z'),
  });
  // 23:30 on 31 March in London: before the period.
  await gift('lastOfMarch', {
    amountMinor: 1600,
    giftAidDeclarationId: ada,
    paidAt: new Date('2025-03-31T22:30:00Z'),
  });
  await gift('oneOff', {
    amountMinor: 2500,
    giftAidDeclarationId: ada,
    paidAt: new Date('2025-05-10T10:00:00Z'),
  });
  await gift('refundedInFull', {
    amountMinor: 5000,
    status: 'refunded',
    refundedAmountMinor: 5000,
    giftAidDeclarationId: ada,
    paidAt: new Date('2025-05-20T10:00:00Z'),
    refundedAt: new Date('2025-05-25T10:00:00Z'),
  });
  await gift('refundedInPart', {
    amountMinor: 4000,
    refundedAmountMinor: 1000,
    giftAidDeclarationId: ada,
    paidAt: new Date('2025-05-21T10:00:00Z'),
    refundedAt: new Date('2025-05-26T10:00:00Z'),
  });
  await gift('failed', {
    amountMinor: 3000,
    status: 'failed',
    giftAidDeclarationId: ada,
    createdAt: new Date('2025-05-22T10:00:00Z'),
  });
  await gift('euros', {
    amountMinor: 2000,
    currency: 'EUR',
    giftAidDeclarationId: ada,
    paidAt: new Date('2025-05-23T10:00:00Z'),
  });
  await gift('babbageBeforeRevoking', {
    amountMinor: 1234,
    giftAidDeclarationId: revoked,
    paidAt: new Date('2025-06-01T12:00:00Z'),
  });
  await gift('withoutGiftAid', {
    amountMinor: 10000,
    donorName: 'Rosalind Franklin',
    paidAt: new Date('2025-06-10T10:00:00Z'),
  });
  // 00:30 on 1 July in London.
  await gift('monthly', {
    amountMinor: 1000,
    frequency: 'monthly',
    giftAidDeclarationId: alan,
    paidAt: new Date('2025-06-30T23:30:00Z'),
  });
  await gift('declaredLaterWithoutCover', {
    amountMinor: 6000,
    giftAidDeclarationId: lateWithoutCover,
    paidAt: new Date('2025-08-01T10:00:00Z'),
  });
  await gift('declaredLaterWithCover', {
    amountMinor: 7000,
    giftAidDeclarationId: lateWithCover,
    paidAt: new Date('2025-08-15T10:00:00Z'),
  });
  await gift('babbageAfterRevoking', {
    amountMinor: 8000,
    giftAidDeclarationId: revoked,
    paidAt: new Date('2025-08-20T10:00:00Z'),
  });
  // 00:30 on 1 October in London: after the period.
  await gift('firstOfOctober', {
    amountMinor: 1700,
    giftAidDeclarationId: ada,
    paidAt: new Date('2025-09-30T23:30:00Z'),
  });
  // Names and addresses as a spreadsheet attacker would type them.
  await gift('formula', {
    amountMinor: 500,
    frequency: 'monthly',
    status: 'pending',
    donorName: '=HYPERLINK("http://evil.example","click")',
    email: '-n@example.org',
    createdAt: new Date('2025-06-11T09:00:00Z'),
  });
  await gift('at', {
    amountMinor: 700,
    status: 'pending',
    donorName: '@SUM(1+1)',
    email: '+tag@example.org',
    createdAt: new Date('2025-06-12T09:00:00Z'),
  });
  await gift('quoted', {
    amountMinor: 900,
    status: 'pending',
    anonymous: true,
    donorName: 'Smith, "Jo"\nSecond line',
    email: '\tp@example.org',
    createdAt: new Date('2025-06-13T09:00:00Z'),
  });
});

describe('the donations list', () => {
  it('filters by London dates, frequency, status and Gift Aid, newest first, with totals', async () => {
    const all = await listDonations(people.admin, period);
    if (!all.ok) throw new Error('expected a list');
    expect(all.total).toBe(15);
    expect(all.items.map((row) => row.id).slice(0, 3)).toEqual([
      gifts.babbageAfterRevoking,
      gifts.declaredLaterWithCover,
      gifts.declaredLaterWithoutCover,
    ]);
    expect(all.items.map((row) => row.id)).toContain(gifts.firstOfApril);
    expect(all.items.map((row) => row.id)).not.toContain(gifts.lastOfMarch);
    expect(all.items.map((row) => row.id)).not.toContain(gifts.firstOfOctober);
    expect(all.totals).toEqual({
      count: 15,
      byCurrency: [
        {
          currency: 'GBP',
          paidCount: 10,
          paidMinor: 46234,
          refundedMinor: 6000,
          netMinor: 40234,
        },
        { currency: 'EUR', paidCount: 1, paidMinor: 2000, refundedMinor: 0, netMinor: 2000 },
      ],
    });
    expect(all.items.find((row) => row.id === gifts.refundedInPart)).toMatchObject({
      status: 'succeeded',
      amountMinor: 4000,
      refundedAmountMinor: 1000,
      giftAid: true,
      paidAt: '2025-05-21T10:00:00.000Z',
    });

    const ids = async (filters: Record<string, string>) => {
      const result = await listDonations(people.admin, { ...period, ...filters });
      if (!result.ok) throw new Error('expected a list');
      return result.items.map((row) => row.id).sort();
    };
    expect(await ids({ frequency: 'monthly' })).toEqual([gifts.monthly, gifts.formula].sort());
    expect(await ids({ status: 'refunded' })).toEqual([gifts.refundedInFull]);
    expect(await ids({ giftAid: 'no' })).toEqual(
      [gifts.withoutGiftAid, gifts.formula, gifts.at, gifts.quoted].sort(),
    );
    expect(await ids({ giftAid: 'yes', status: 'succeeded' })).toHaveLength(9);
    expect(await ids({ from: '2025-04-01', to: '2025-04-01' })).toEqual([gifts.firstOfApril]);
  });

  it('pages through the filtered set and treats blank fields as no filter', async () => {
    const page = await listDonations(people.admin, { ...period, page: '4', pageSize: '4' });
    expect(page).toMatchObject({ ok: true, page: 4, pageSize: 4, pageCount: 4, total: 15 });
    if (page.ok) expect(page.items).toHaveLength(3);
    const blank = await listDonations(people.admin, {
      from: '',
      to: '',
      frequency: '',
      status: '',
      giftAid: '',
      page: 'two',
    });
    expect(blank).toMatchObject({ ok: true, total: 17, page: 1 });
  });

  it('answers invalid filters with a message per field, never an exception', async () => {
    expect(
      await listDonations(people.admin, {
        from: '2025-02-30',
        to: '31/03/2025',
        frequency: 'weekly',
        status: 'lost',
        giftAid: 'maybe',
      }),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: {
        from: 'The start date is not a real date.',
        to: 'Enter the end date as a date, like 2025-04-06.',
        frequency: 'Choose one-off, monthly or any frequency.',
        status: 'Choose a status from the list.',
        giftAid: 'Choose with Gift Aid, without Gift Aid, or either.',
      },
    });
    expect(await listDonations(people.admin, { from: '0000-01-01' })).toMatchObject({
      fieldErrors: { from: 'Enter a start date between the years 1900 and 2999.' },
    });
    expect(await listDonations(people.admin, { from: '2025-05-01', to: '2025-04-30' })).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { to: 'The end date must be on or after the start date.' },
    });
  });
});

describe('totals by month', () => {
  it('sums paid minus refunded by London month, per currency, one-off and monthly apart', async () => {
    const totals = await donationTotalsByMonth(people.admin, period);
    if (!totals.ok) throw new Error('expected totals');
    expect(totals.from).toBe('2025-04-01');
    expect(totals.to).toBe('2025-09-30');
    const [pounds, euros] = totals.currencies;
    expect(pounds).toEqual({
      currency: 'GBP',
      totalMinor: 40234,
      months: [
        month('2025-04', [1, 1500], [0, 0]),
        // The gift refunded in full adds nothing, and is not counted.
        month('2025-05', [2, 5500], [0, 0]),
        month('2025-06', [2, 11234], [0, 0]),
        month('2025-07', [0, 0], [1, 1000]),
        month('2025-08', [3, 21000], [0, 0]),
        month('2025-09', [0, 0], [0, 0]),
      ],
    });
    expect(euros!.currency).toBe('EUR');
    expect(euros!.months.map((entry) => entry.totalMinor)).toEqual([0, 2000, 0, 0, 0, 0]);
  });

  it('defaults to twelve months, and refuses a backward or overlong period', async () => {
    const recent = await donationTotalsByMonth(people.admin, {});
    if (!recent.ok) throw new Error('expected totals');
    expect(recent.currencies).toEqual([]);
    expect(recent.from.endsWith('-01')).toBe(true);
    expect(
      await donationTotalsByMonth(people.admin, { from: '2025-09-01', to: '2025-04-01' }),
    ).toMatchObject({ ok: false, fieldErrors: { to: expect.any(String) } });
    expect(
      await donationTotalsByMonth(people.admin, { from: '2000-01-01', to: '2025-01-01' }),
    ).toMatchObject({ ok: false, fieldErrors: { from: expect.stringContaining('ten years') } });
  });
});

function month(
  name: string,
  [oneOffCount, oneOffMinor]: number[],
  [monthlyCount, monthlyMinor]: number[],
) {
  return {
    month: name,
    oneOffCount,
    oneOffMinor,
    monthlyCount,
    monthlyMinor,
    totalMinor: oneOffMinor! + monthlyMinor!,
  };
}

describe('the CSV export', () => {
  it('escapes quotes and line breaks, neutralises formulas, and is audited', async () => {
    const before = await auditCount();
    const result = await donationsCsv(people.admin, { ...period, status: 'pending' });
    if (!result.ok) throw new Error('expected a CSV');
    expect(result.filename).toBe('donations-from-2025-04-01-to-2025-09-30.csv');
    expect(result.rowCount).toBe(3);
    expect(result.csv).toBe(
      'Donation ID,Date,Paid at (UTC),Frequency,Status,Currency,Amount,Refunded,Gift Aid,Donor name,E-mail,Anonymous\r\n' +
        `${gifts.quoted},2025-06-13,,One-off,Pending,GBP,9.00,0.00,No,"Smith, ""Jo""\nSecond line",'\tp@example.org,Yes\r\n` +
        `${gifts.at},2025-06-12,,One-off,Pending,GBP,7.00,0.00,No,'@SUM(1+1),'+tag@example.org,No\r\n` +
        `${gifts.formula},2025-06-11,,Monthly,Pending,GBP,5.00,0.00,No,"'=HYPERLINK(""http://evil.example"",""click"")",'-n@example.org,No\r\n`,
    );
    expect(await auditCount()).toBe(before + 1);
    const [entry] = await getDb()
      .select()
      .from(auditLog)
      .orderBy(auditLog.id)
      .limit(1)
      .offset(before);
    expect(entry).toMatchObject({
      actorId: people.admin.id,
      action: 'donations.exported',
      subjectType: 'donations',
      subjectId: null,
      detail: { filters: { ...period, status: 'pending' }, rows: 3 },
    });
  });

  it('writes paid dates in UTC and London days', async () => {
    const result = await donationsCsv(people.admin, { from: '2025-04-01', to: '2025-04-01' });
    if (!result.ok) throw new Error('expected a CSV');
    expect(result.csv.split('\r\n')[1]).toBe(
      `${gifts.firstOfApril},2025-04-01,2025-03-31T23:30:00.000Z,One-off,Paid,GBP,15.00,0.00,Yes,,,No`,
    );
  });

  it('refuses invalid filters without writing to the audit log', async () => {
    const before = await auditCount();
    expect(await donationsCsv(people.admin, { status: 'lost' })).toMatchObject({
      ok: false,
      fieldErrors: { status: expect.any(String) },
    });
    expect(await auditCount()).toBe(before);
  });
});

describe('the Gift Aid claim', () => {
  const schedule = [
    ['Ms', 'Ada', 'Lovelace', '12', 'SW1A 1AA', '', '', '01/04/25', '15.00'],
    ['Ms', 'Ada', 'Lovelace', '12', 'SW1A 1AA', '', '', '10/05/25', '25.00'],
    ['', 'Charles', 'Babbage', '1', 'W1A 0AX', '', '', '01/06/25', '12.34'],
    ['Prof', 'Alan', 'Turing', 'Flat 2, Rose Court', 'MK3 6EB', '', '', '01/07/25', '10.00'],
    ['Mrs', 'Mary', 'Somerville', '3', 'EH1 1YZ', '', '', '15/08/25', '70.00'],
  ];

  it('lists only declared, paid, unrefunded gifts in pounds of the period, in HMRC’s columns', async () => {
    const claim = await giftAidClaimRows(people.admin, period);
    if (!claim.ok) throw new Error('expected a claim');
    expect(claim.totalMinor).toBe(13234);
    expect(claim.rows.map((row) => Object.values(row))).toEqual(schedule);
    expect(Object.keys(claim.rows[0]!)).toEqual([
      'title',
      'firstName',
      'lastName',
      'houseNameOrNumber',
      'postcode',
      'aggregatedDonations',
      'sponsoredEvent',
      'donationDate',
      'amount',
    ]);
  });

  it('exports the schedule as CSV and records who exported which period', async () => {
    const before = await auditCount();
    const result = await giftAidClaimCsv(people.admin, period);
    if (!result.ok) throw new Error('expected a CSV');
    expect(result.filename).toBe('gift-aid-2025-04-01-to-2025-09-30.csv');
    expect(result.csv).toBe(
      'Title,First name or initial,Last name,House name or number,Postcode,Aggregated donations,Sponsored event,Donation date,Amount\r\n' +
        'Ms,Ada,Lovelace,12,SW1A 1AA,,,01/04/25,15.00\r\n' +
        'Ms,Ada,Lovelace,12,SW1A 1AA,,,10/05/25,25.00\r\n' +
        ',Charles,Babbage,1,W1A 0AX,,,01/06/25,12.34\r\n' +
        'Prof,Alan,Turing,"Flat 2, Rose Court",MK3 6EB,,,01/07/25,10.00\r\n' +
        'Mrs,Mary,Somerville,3,EH1 1YZ,,,15/08/25,70.00\r\n',
    );
    const [entry] = await getDb()
      .select()
      .from(auditLog)
      .orderBy(auditLog.id)
      .limit(1)
      .offset(before);
    expect(entry).toMatchObject({
      actorId: people.admin.id,
      action: 'gift_aid.claim_exported',
      subjectType: 'gift_aid',
      detail: { ...period, rows: 5, totalMinor: 13234 },
    });
  });

  it('needs both dates, in order', async () => {
    expect(await giftAidClaimRows(people.admin, { from: '2025-04-01' })).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { to: 'Enter the last day of the claim period.' },
    });
    expect(await giftAidClaimCsv(people.admin, { from: '2025-09-30', to: '2025-04-01' })).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { to: 'The end date must be on or after the start date.' },
    });
  });
});

describe('anyone but an active administrator', () => {
  it('is refused by every function, and nothing is written', async () => {
    const before = await auditCount();
    for (const actor of [people.member, people.editor, people.disabledAdmin, { id: 'nobody' }]) {
      await expect(listDonations(actor, period)).rejects.toBeInstanceOf(AdminOnlyError);
      await expect(donationTotalsByMonth(actor, period)).rejects.toBeInstanceOf(AdminOnlyError);
      await expect(donationsCsv(actor, period)).rejects.toBeInstanceOf(AdminOnlyError);
      await expect(giftAidClaimRows(actor, period)).rejects.toBeInstanceOf(AdminOnlyError);
      await expect(giftAidClaimCsv(actor, period)).rejects.toBeInstanceOf(AdminOnlyError);
      // Refused before the filters are even read.
      await expect(donationsCsv(actor, { from: 'junk' })).rejects.toBeInstanceOf(AdminOnlyError);
    }
    expect(await auditCount()).toBe(before);
  });
});

describe('the export routes', () => {
  const request = (path: string) => new Request(`https://northgate.example${path}`);
  const asUser = (id: string, role: UserRole): StaffCheck => ({
    ok: true,
    user: { id, email: `${role}@example.org`, name: null, role, verified: true },
  });

  it('answer 403 to signed-out visitors and members, and to a role taken away since', async () => {
    const before = await auditCount();
    session.check = { ok: false, reason: 'signed-out' };
    const anonymous = await giftAidRoute(
      request('/admin/donations/gift-aid?from=2025-04-01&to=2025-09-30'),
    );
    expect(anonymous.status).toBe(403);
    expect(await anonymous.json()).toEqual({ error: expect.any(String) });
    session.check = { ok: false, reason: 'forbidden' };
    expect((await exportRoute(request('/admin/donations/export'))).status).toBe(403);
    // The session still says admin, but the database no longer does.
    session.check = asUser(people.member.id, 'admin');
    expect((await exportRoute(request('/admin/donations/export'))).status).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it('answer 400 with the reason for bad dates', async () => {
    session.check = asUser(people.admin.id, 'admin');
    const response = await giftAidRoute(
      request('/admin/donations/gift-aid?from=2025-04-01&to=soon'),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'Check the dates and filters.',
      fieldErrors: { to: 'Enter the last day of the claim period as a date, like 2025-04-06.' },
    });
  });

  it('send an administrator the CSV as an uncached attachment', async () => {
    session.check = asUser(people.admin.id, 'admin');
    const response = await giftAidRoute(
      request('/admin/donations/gift-aid?from=2025-04-01&to=2025-09-30'),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="gift-aid-2025-04-01-to-2025-09-30.csv"',
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(body.startsWith('\uFEFFTitle,First name or initial,')).toBe(true);
    expect(body.split('\r\n')).toHaveLength(7);

    const list = await exportRoute(request('/admin/donations/export?giftAid=no&status=succeeded'));
    expect(list.headers.get('content-disposition')).toBe(
      'attachment; filename="donations-all.csv"',
    );
    expect(await list.text()).toContain(`${gifts.withoutGiftAid},2025-06-10,`);
  });
});
