import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  auditLog,
  newsletterLists,
  newsletterSubscribers,
  newsletterSubscriptions,
  newsletterSuppressions,
  users,
  type UserRole,
} from '@/db/schema';
import { AdminOnlyError, type Actor } from '@/lib/auth/who';
import { subscribersCsv } from '@/lib/newsletters/subscriber-admin';
import {
  applySubscriberImport,
  previewSubscriberImport,
  type ImportResult,
} from '@/lib/newsletters/subscriber-import';

let admin: Actor;
let editor: Actor;
const lists: Record<string, string> = {};
const bytes = (text: string) => new TextEncoder().encode(text);
const hashOf = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

async function makeUser(role: UserRole, email = `${role}@import.example`): Promise<Actor> {
  const [row] = await getDb().insert(users).values({ email, role }).returning({ id: users.id });
  return { id: row!.id };
}

beforeAll(async () => {
  admin = await makeUser('admin');
  editor = await makeUser('editor');
  const rows = await getDb()
    .insert(newsletterLists)
    .values([
      { slug: 'weekly', name: 'The Weekly Briefing' },
      { slug: 'events', name: 'Events', position: 1 },
      { slug: 'old', name: 'Old list', archived: true, position: 2 },
      { slug: 'twin-a', name: 'Twins', position: 3 },
      { slug: 'twin-b', name: 'Twins', position: 4 },
    ])
    .returning({ id: newsletterLists.id, slug: newsletterLists.slug });
  for (const row of rows) lists[row.slug] = row.id;
});

/** Preview, then import the same file, as the admin's page does. */
async function importFile(text: string, fileName = 'people.csv') {
  const data = bytes(text);
  const preview = await previewSubscriberImport(admin, { bytes: data, fileName });
  if (!preview.ok) return { preview, applied: preview };
  const applied = await applySubscriberImport(admin, {
    bytes: data,
    fileName,
    hash: preview.hash,
  });
  return { preview, applied };
}

const ok = (result: ImportResult) => {
  if (!result.ok) throw new Error(result.message);
  return result;
};

async function subscriptionOf(email: string, slug: string) {
  const [row] = await getDb()
    .select({
      status: newsletterSubscriptions.status,
      source: newsletterSubscriptions.source,
      consentText: newsletterSubscriptions.consentText,
      consentAt: newsletterSubscriptions.consentAt,
      confirmedAt: newsletterSubscriptions.confirmedAt,
      unsubscribedAt: newsletterSubscriptions.unsubscribedAt,
    })
    .from(newsletterSubscriptions)
    .innerJoin(
      newsletterSubscribers,
      eq(newsletterSubscribers.id, newsletterSubscriptions.subscriberId),
    )
    .innerJoin(newsletterLists, eq(newsletterLists.id, newsletterSubscriptions.listId))
    .where(and(eq(newsletterSubscribers.email, email), eq(newsletterLists.slug, slug)));
  return row;
}

async function seedSubscription(
  email: string,
  slug: string,
  values: Partial<typeof newsletterSubscriptions.$inferInsert> & {
    status: 'pending' | 'subscribed' | 'unsubscribed';
  },
) {
  const [subscriber] = await getDb()
    .insert(newsletterSubscribers)
    .values({ email })
    .onConflictDoUpdate({ target: newsletterSubscribers.email, set: { email } })
    .returning({ id: newsletterSubscribers.id });
  const at = new Date('2024-03-01T10:00:00Z');
  await getDb()
    .insert(newsletterSubscriptions)
    .values({
      subscriberId: subscriber!.id,
      listId: lists[slug]!,
      source: 'form',
      consentText: `Send me ${slug}.`,
      consentAt: at,
      confirmedAt: values.status === 'subscribed' ? at : null,
      unsubscribedAt: values.status === 'unsubscribed' ? new Date('2024-04-01T10:00:00Z') : null,
      ...values,
    });
}

async function snapshot() {
  return getDb()
    .select({
      email: newsletterSubscribers.email,
      listId: newsletterSubscriptions.listId,
      status: newsletterSubscriptions.status,
      source: newsletterSubscriptions.source,
      consentText: newsletterSubscriptions.consentText,
      consentAt: newsletterSubscriptions.consentAt,
      confirmedAt: newsletterSubscriptions.confirmedAt,
      unsubscribedAt: newsletterSubscriptions.unsubscribedAt,
    })
    .from(newsletterSubscriptions)
    .innerJoin(
      newsletterSubscribers,
      eq(newsletterSubscribers.id, newsletterSubscriptions.subscriberId),
    )
    .orderBy(asc(newsletterSubscribers.email), asc(newsletterSubscriptions.listId));
}

describe('importing subscribers', () => {
  it('reads back an export as it was: statuses, sources and consent', async () => {
    await seedSubscription('round.one@example.org', 'weekly', {
      status: 'subscribed',
      source: 'soft_opt_in',
      consentText: 'Send me the briefing, "weekly", at any cost,\nplease.',
    });
    await seedSubscription('round.one@example.org', 'events', { status: 'unsubscribed' });
    await seedSubscription('round.two@example.org', 'weekly', {
      status: 'pending',
      source: 'join',
    });
    await seedSubscription('round.three@example.org', 'old', {
      status: 'subscribed',
      source: 'account',
    });
    await seedSubscription('-dash@example.org', 'events', { status: 'subscribed' });
    const before = await snapshot();
    const exported = await subscribersCsv(admin, {});
    if (!exported.ok) throw new Error('not exported');
    // As the download sends it: with a byte-order mark, in CRLF lines.
    const file = `\uFEFF${exported.csv}`;
    expect(file).toContain("'-dash@example.org");

    // Into the same database, the file changes nothing.
    const again = await importFile(file);
    expect(ok(again.applied)).toMatchObject({
      applied: true,
      counts: { rows: 5, added: 0, updated: 0, unchanged: 5, problems: 0 },
    });
    expect(await snapshot()).toEqual(before);

    // Into an empty one, it brings every subscription back as it was, except on a retired list.
    await getDb().delete(newsletterSubscribers);
    const restored = await importFile(file, 'newsletter-subscribers.csv');
    expect(ok(restored.preview).counts).toEqual(ok(restored.applied).counts);
    expect(ok(restored.applied).counts).toEqual({
      rows: 5,
      added: 4,
      updated: 0,
      unchanged: 0,
      keptUnsubscribed: 0,
      retired: 1,
      suppressed: 0,
      problems: 0,
    });
    expect(await snapshot()).toEqual(before.filter((row) => row.listId !== lists.old));
  });

  it('never subscribes someone who unsubscribed, whatever the file says', async () => {
    await seedSubscription('left@example.org', 'weekly', { status: 'unsubscribed' });
    const before = await subscriptionOf('left@example.org', 'weekly');
    const { preview, applied } = await importFile(
      'email,list,status\nleft@example.org,weekly,subscribed\nLEFT@example.org,events,subscribed\n',
    );
    expect(ok(preview).counts).toMatchObject({ keptUnsubscribed: 1, added: 1 });
    expect(ok(applied).applied).toBe(true);
    expect(await subscriptionOf('left@example.org', 'weekly')).toEqual(before);
    expect(await subscriptionOf('left@example.org', 'events')).toMatchObject({
      status: 'subscribed',
    });
  });

  it('applies an unsubscription, confirms a pending subscription, and never makes one pending', async () => {
    await seedSubscription('going@example.org', 'weekly', { status: 'subscribed' });
    await seedSubscription('waiting@example.org', 'weekly', { status: 'pending' });
    await seedSubscription('staying@example.org', 'weekly', { status: 'subscribed' });
    const { applied } = await importFile(
      [
        'E-mail,List,Status,Consent wording,Consent at,Confirmed at,Unsubscribed at',
        'going@example.org,weekly,unsubscribed,,,,2025-01-05T00:00:00Z',
        'waiting@example.org,weekly,subscribed,Agreed on the phone,2025-01-01T09:00:00Z,,',
        'staying@example.org,weekly,pending,,,,',
      ].join('\r\n'),
    );
    expect(ok(applied).counts).toMatchObject({ updated: 2, unchanged: 1 });
    expect(await subscriptionOf('going@example.org', 'weekly')).toMatchObject({
      status: 'unsubscribed',
      unsubscribedAt: new Date('2025-01-05T00:00:00Z'),
      // Leaving keeps the consent that was given.
      consentText: 'Send me weekly.',
    });
    expect(await subscriptionOf('waiting@example.org', 'weekly')).toMatchObject({
      status: 'subscribed',
      source: 'import',
      consentText: 'Agreed on the phone',
      consentAt: new Date('2025-01-01T09:00:00Z'),
      confirmedAt: new Date('2025-01-01T09:00:00Z'),
    });
    expect(await subscriptionOf('staying@example.org', 'weekly')).toMatchObject({
      status: 'subscribed',
      source: 'form',
    });
  });

  it('records who imported what from which file when the file gives no consent, audited', async () => {
    const account = await makeUser('member', 'has.account@example.org');
    const now = Date.now();
    const { applied } = await importFile(
      'email,list,status\nhas.account@example.org,The Weekly Briefing,subscribed\n',
      'C:\\Users\\me\\Desktop\\from the old system.csv',
    );
    expect(ok(applied).applied).toBe(true);
    const row = await subscriptionOf('has.account@example.org', 'weekly');
    expect(row).toMatchObject({
      status: 'subscribed',
      source: 'import',
      consentText: expect.stringMatching(
        /^Imported by admin@import\.example on \d{1,2} \w+ \d{4} from from the old system\.csv\.$/,
      ),
    });
    expect(row!.consentAt.getTime()).toBeGreaterThanOrEqual(now - 1000);
    expect(row!.confirmedAt).toEqual(row!.consentAt);
    const [subscriber] = await getDb()
      .select({ userId: newsletterSubscribers.userId })
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, 'has.account@example.org'));
    expect(subscriber?.userId).toBe(account.id);
    const audits = await getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'newsletter_subscribers.imported'));
    expect(audits.at(-1)).toMatchObject({
      actorId: admin.id,
      subjectType: 'newsletter_subscribers',
      detail: {
        file: 'from the old system.csv',
        counts: expect.objectContaining({ added: 1 }),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
  });

  it('changes nothing when any line is wrong, and says which', async () => {
    await seedSubscription('careful@example.org', 'weekly', { status: 'pending' });
    const before = await snapshot();
    const audits = await getDb().select().from(auditLog);
    const text = [
      'email,list,status',
      'careful@example.org,weekly,subscribed',
      'new.one@example.org,weekly,subscribed',
      'nobody,weekly,subscribed',
      'new.two@example.org,nosuchlist,subscribed',
      'new.three@example.org,Twins,subscribed',
      'new.one@example.org,The Weekly Briefing,unsubscribed',
      'new.four@example.org,weekly,maybe',
    ].join('\n');
    const { preview, applied } = await importFile(text);
    const expected = [
      { line: 4, message: '“nobody” is not an e-mail address.' },
      {
        line: 5,
        message: 'There is no newsletter “nosuchlist”: name it by its slug or its name.',
      },
      { line: 6, message: 'More than one newsletter is called “Twins”: name it by its slug.' },
      {
        line: 7,
        message: 'It repeats line 3: new.one@example.org on The Weekly Briefing. Keep one of them.',
      },
      {
        line: 8,
        message:
          'The status “maybe” is not one we know: write subscribed, pending or unsubscribed.',
      },
    ];
    expect(ok(preview)).toMatchObject({
      applied: false,
      problems: expected,
      counts: { rows: 7, problems: 5, updated: 1, added: 1 },
    });
    // The import itself checks again, whatever a preview said.
    const forced = await applySubscriberImport(admin, {
      bytes: bytes(text),
      fileName: 'people.csv',
      hash: hashOf(bytes(text)),
    });
    expect(forced).toMatchObject({ ok: true, applied: false, problems: expected });
    expect(applied).toMatchObject({ applied: false });
    expect(await snapshot()).toEqual(before);
    expect(await getDb().select().from(auditLog)).toHaveLength(audits.length);
  });

  it('imports only the file that was previewed', async () => {
    const previewed = bytes('email,list,status\nfirst@example.org,weekly,subscribed\n');
    const preview = ok(
      await previewSubscriberImport(admin, { bytes: previewed, fileName: 'a.csv' }),
    );
    const other = bytes('email,list,status\nsecond@example.org,weekly,subscribed\n');
    expect(
      await applySubscriberImport(admin, { bytes: other, fileName: 'a.csv', hash: preview.hash }),
    ).toEqual({
      ok: false,
      message:
        'This is not the file that was previewed: nothing has been imported. Preview it again.',
    });
    expect(await subscriptionOf('second@example.org', 'weekly')).toBeUndefined();
  });

  it('reads quoted cells with commas and line breaks in a CRLF file with a byte-order mark', async () => {
    const text =
      '\uFEFFE-mail,List,Status,Consent wording\r\n"quoted@example.org","events","subscribed","Yes, send\r\nme ""Events"""\r\n';
    const { applied } = await importFile(text);
    expect(ok(applied).counts).toMatchObject({ added: 1, problems: 0 });
    expect(await subscriptionOf('quoted@example.org', 'events')).toMatchObject({
      consentText: 'Yes, send\r\nme "Events"',
    });
  });

  it('imports suppressed addresses, which stay suppressed', async () => {
    await getDb()
      .insert(newsletterSuppressions)
      .values({ email: 'bounced@example.org', reason: 'bounced' });
    const { preview, applied } = await importFile(
      'email,list,status\nbounced@example.org,weekly,subscribed\n',
    );
    expect(ok(preview).counts).toMatchObject({ added: 1, suppressed: 1 });
    expect(ok(applied).applied).toBe(true);
    expect(
      await getDb()
        .select()
        .from(newsletterSuppressions)
        .where(eq(newsletterSuppressions.email, 'bounced@example.org')),
    ).toHaveLength(1);
  });

  it('refuses a file that is not CSV text, and anyone but an administrator', async () => {
    expect(
      await previewSubscriberImport(admin, {
        bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
        fileName: 'photo.jpg',
      }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/^This is not a CSV file/) });
    const file = { bytes: bytes('email,list,status\nx@example.org,weekly,subscribed\n') };
    await expect(
      previewSubscriberImport(editor, { ...file, fileName: 'x.csv' }),
    ).rejects.toBeInstanceOf(AdminOnlyError);
    await expect(
      applySubscriberImport(editor, { ...file, fileName: 'x.csv', hash: hashOf(file.bytes) }),
    ).rejects.toBeInstanceOf(AdminOnlyError);
  });

  it('takes more rows than one statement writes', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `bulk.${i}@example.org,events,${i % 3 ? 'subscribed' : 'unsubscribed'}`,
    );
    const { applied } = await importFile(`email,list,status\n${rows.join('\n')}\n`);
    expect(ok(applied).counts).toMatchObject({ added: 3000, problems: 0 });
    expect(await subscriptionOf('bulk.2999@example.org', 'events')).toMatchObject({
      status: 'subscribed',
    });
  });
});
