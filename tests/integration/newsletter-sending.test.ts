import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  articles,
  newsletterDeliveries,
  newsletterIssueArticles,
  newsletterIssues,
  newsletterLists,
  newsletterSubscribers,
  newsletterSubscriptions,
  newsletterSuppressions,
  series,
  type SubscriptionStatus,
} from '@/db/schema';
import { closeSmtpTransport } from '@/lib/email/transport';
import { digestDue, startAutomaticSends } from '@/lib/newsletters/automatic';
import {
  deliverNewsletterBatch,
  newsletterBacklog,
  startIssueSend,
} from '@/lib/newsletters/delivery';
import { smtpServerForThisFile } from '../support/smtp-server';
import { verifiedUser } from '../support/verified-user';

const smtp = await smtpServerForThisFile({ refuse: ['gone@example.org'] });
process.env.EMAIL_SERVER = smtp.url;
process.env.SITE_URL = 'https://northgate.example';
afterAll(() => smtp.down());

let listId: string;
let publicPiece: string;
let membersPiece: string;
let counter = 0;

beforeAll(async () => {
  const db = getDb();
  const [list] = await db
    .insert(newsletterLists)
    .values({ slug: 'briefing', name: 'The Briefing', kind: 'issues' })
    .returning();
  listId = list!.id;
  const pieces = await db
    .insert(articles)
    .values([
      {
        slug: 'open-piece',
        title: 'An open piece',
        standfirst: 'For everyone.',
        body: 'The open body says hello to all.',
        status: 'published',
        publishedAt: new Date(Date.now() - 86_400_000),
      },
      {
        slug: 'members-piece',
        title: 'A members piece',
        standfirst: 'For members.',
        body: 'The secret members body is read by members alone.',
        status: 'published',
        visibility: 'members',
        publishedAt: new Date(Date.now() - 86_400_000),
      },
    ])
    .returning({ id: articles.id, slug: articles.slug });
  publicPiece = pieces.find((piece) => piece.slug === 'open-piece')!.id;
  membersPiece = pieces.find((piece) => piece.slug === 'members-piece')!.id;
});

beforeEach(async () => {
  await getDb().delete(newsletterIssues);
  await getDb().delete(newsletterSubscribers);
  await getDb().delete(newsletterSuppressions);
  await smtp.up();
  smtp.received.length = 0;
});

async function subscriber(
  email: string,
  status: SubscriptionStatus = 'subscribed',
  userId?: string,
): Promise<string> {
  const [row] = await getDb()
    .insert(newsletterSubscribers)
    .values({ email, userId })
    .returning({ id: newsletterSubscribers.id });
  const now = new Date();
  await getDb()
    .insert(newsletterSubscriptions)
    .values({
      subscriberId: row!.id,
      listId,
      status,
      source: 'form',
      consentText: 'Yes please',
      consentAt: now,
      confirmedAt: status === 'pending' ? null : now,
      unsubscribedAt: status === 'unsubscribed' ? now : null,
    });
  return row!.id;
}

async function issue(pieces = [publicPiece, membersPiece]): Promise<string> {
  const [row] = await getDb()
    .insert(newsletterIssues)
    .values({
      listId,
      subject: `Issue ${++counter}`,
      preheader: 'This week',
      intro: '**Hello** readers',
    })
    .returning({ id: newsletterIssues.id });
  if (pieces.length) {
    await getDb()
      .insert(newsletterIssueArticles)
      .values(pieces.map((articleId, position) => ({ issueId: row!.id, articleId, position })));
  }
  return row!.id;
}

async function sendAll(options: { limit?: number } = {}) {
  for (let round = 0; round < 100 && (await newsletterBacklog()); round += 1) {
    await deliverNewsletterBatch({ rate: 0, ...options });
  }
  await deliverNewsletterBatch({ rate: 0 });
}

async function deliveries(issueId: string) {
  return getDb()
    .select()
    .from(newsletterDeliveries)
    .where(eq(newsletterDeliveries.issueId, issueId));
}

// The header as sent, unfolded: mailparser turns List-Unsubscribe into an object.
const header = (mail: (typeof smtp.received)[number], name: string) =>
  (mail.headerLines.find((line) => line.key === name)?.line ?? '')
    .replace(/^[^:]+:\s*/, '')
    .replace(/\r?\n\s+/g, ' ');

describe('sending an issue', () => {
  it('fixes its recipients when it starts, and starts once', async () => {
    await subscriber('a@example.org');
    await subscriber('pending@example.org', 'pending');
    await subscriber('left@example.org', 'unsubscribed');
    await subscriber('blocked@example.org');
    await getDb()
      .insert(newsletterSuppressions)
      .values({ email: 'blocked@example.org', reason: 'complained' });
    const id = await issue();

    expect(await startIssueSend(id)).toEqual({ ok: true, recipients: 1, suppressed: 1 });
    expect(await startIssueSend(id)).toEqual({ ok: false, reason: 'already-started' });
    // Who subscribes after the start waits for the next issue.
    await subscriber('late@example.org');
    await sendAll();

    expect(smtp.received.map((mail) => mail.to && [mail.to].flat()[0]!.text)).toEqual([
      'a@example.org',
    ]);
    const [row] = await getDb().select().from(newsletterIssues).where(eq(newsletterIssues.id, id));
    expect(row).toMatchObject({ status: 'sent' });
    expect(row!.finishedAt).toBeInstanceOf(Date);
  });

  it('refuses an issue with nothing in it, and one for a retired list', async () => {
    const empty = await getDb()
      .insert(newsletterIssues)
      .values({ listId, subject: 'Nothing' })
      .returning({ id: newsletterIssues.id });
    expect(await startIssueSend(empty[0]!.id)).toEqual({ ok: false, reason: 'no-pieces' });
    const id = await issue();
    await getDb()
      .update(newsletterLists)
      .set({ archived: true })
      .where(eq(newsletterLists.id, listId));
    try {
      expect(await startIssueSend(id)).toEqual({ ok: false, reason: 'archived' });
    } finally {
      await getDb()
        .update(newsletterLists)
        .set({ archived: false })
        .where(eq(newsletterLists.id, listId));
    }
    expect(await startIssueSend('00000000-0000-4000-8000-000000000000')).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });

  it('gives members the members-only piece and others a teaser, with one-click unsubscribe and no tracking', async () => {
    const memberEmail = `member-${counter}@example.org`;
    const member = await verifiedUser(memberEmail, 'member');
    await subscriber(memberEmail, 'subscribed', member.id);
    await subscriber('reader@example.org');
    const id = await issue();
    await startIssueSend(id);
    await sendAll();

    const [toMember] = smtp.to(memberEmail);
    const [toReader] = smtp.to('reader@example.org');
    expect(toMember!.text).toContain('The secret members body');
    expect(toMember!.html).toContain('The secret members body');
    expect(toReader!.text).not.toContain('The secret members body');
    expect(toReader!.html).not.toContain('The secret members body');
    expect(toReader!.text).toContain('Members read it in full');
    for (const mail of [toMember!, toReader!]) {
      expect(mail.text).toContain('The open body says hello');
      expect(mail.html).toContain('<strong>Hello</strong> readers');
      const unsubscribe = header(mail, 'list-unsubscribe');
      expect(unsubscribe).toMatch(
        /^<https:\/\/northgate\.example\/api\/newsletters\/unsubscribe\?s=[\w-]+&l=[\w-]+&sig=[\w-]+>, <mailto:/,
      );
      expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      // The visible link is the same as the header's, and the preferences link is there too.
      const url = /<(https:[^>]+)>/.exec(unsubscribe)![1]!;
      expect(mail.html).toContain(url.replace(/&/g, '&amp;'));
      expect(mail.text).toContain(url);
      expect(mail.text).toMatch(/\/newsletters\/preferences\/[\w-]+\.[\w-]+/);
      expect(mail.text).toContain('registered charity (1234567)');
      expect(String(mail.html)).not.toMatch(/<img\b/);
    }
    // Each recipient's links are their own.
    expect(header(toMember!, 'list-unsubscribe')).not.toBe(header(toReader!, 'list-unsubscribe'));
  });

  it('suppresses an address the server refuses for good, and finishes the rest', async () => {
    await subscriber('gone@example.org');
    await subscriber('fine@example.org');
    const id = await issue();
    await startIssueSend(id);
    await sendAll();

    expect(smtp.to('fine@example.org')).toHaveLength(1);
    const rows = await deliveries(id);
    expect(rows.find((row) => row.email === 'gone@example.org')).toMatchObject({
      status: 'failed',
      attempts: 1,
    });
    const [suppression] = await getDb()
      .select()
      .from(newsletterSuppressions)
      .where(eq(newsletterSuppressions.email, 'gone@example.org'));
    expect(suppression).toMatchObject({ reason: 'bounced' });
    const [row] = await getDb().select().from(newsletterIssues).where(eq(newsletterIssues.id, id));
    expect(row!.status).toBe('sent');
  });

  it('waits while the mail server is down and sends when it is back', async () => {
    await subscriber('patient@example.org');
    const id = await issue();
    await startIssueSend(id);
    // The pool's open connections would keep the server from closing.
    closeSmtpTransport();
    await smtp.down();
    expect(await deliverNewsletterBatch({ rate: 0 })).toMatchObject({ retrying: 1, sent: 0 });
    expect((await deliveries(id))[0]).toMatchObject({ status: 'queued', attempts: 1 });
    expect((await deliveries(id))[0]!.lastError).toMatch(/Could not hand the e-mail/);
    await smtp.up();
    await getDb()
      .update(newsletterDeliveries)
      .set({ nextAttemptAt: sql`now() - interval '1 second'` })
      .where(eq(newsletterDeliveries.issueId, id));
    await sendAll();
    expect(smtp.to('patient@example.org')).toHaveLength(1);
  });

  it('does not send to someone who unsubscribed after the send started', async () => {
    const leaving = await subscriber('leaving@example.org');
    await subscriber('staying@example.org');
    const id = await issue();
    await startIssueSend(id);
    await getDb()
      .update(newsletterSubscriptions)
      .set({ status: 'unsubscribed', unsubscribedAt: new Date() })
      .where(eq(newsletterSubscriptions.subscriberId, leaving));
    await sendAll();
    expect(smtp.to('leaving@example.org')).toHaveLength(0);
    expect(smtp.to('staying@example.org')).toHaveLength(1);
    const rows = await deliveries(id);
    expect(rows.find((row) => row.email === 'leaving@example.org')!.status).toBe('suppressed');
  });

  it('sends each recipient once with senders side by side, and finishes what a dead sender left', async () => {
    for (let n = 0; n < 40; n += 1) await subscriber(`many-${n}@example.org`);
    const id = await issue();
    await startIssueSend(id);
    // A sender that died: it had claimed five and sent two of them.
    const claimed = await getDb().execute(sql`
      update newsletter_deliveries set status = 'sending', attempts = 1,
        next_attempt_at = now() + interval '10 minutes'
      where (issue_id, subscriber_id) in (
        select issue_id, subscriber_id from newsletter_deliveries where issue_id = ${id} limit 5)
      returning email`);
    const emails = ('rows' in claimed ? claimed.rows : claimed) as { email: string }[];
    await getDb()
      .update(newsletterDeliveries)
      .set({ status: 'sent', sentAt: new Date() })
      .where(sql`${newsletterDeliveries.email} in (${emails[0]!.email}, ${emails[1]!.email})`);

    await Promise.all([sendAll({ limit: 7 }), sendAll({ limit: 7 })]);
    // The three leased ones wait for the lease; once it runs out they are sent too.
    expect(smtp.received).toHaveLength(35);
    await getDb()
      .update(newsletterDeliveries)
      .set({ nextAttemptAt: sql`now() - interval '1 second'` })
      .where(eq(newsletterDeliveries.status, 'sending'));
    await sendAll();

    expect(smtp.received).toHaveLength(38);
    const addresses = smtp.received.map((mail) => [mail.to].flat()[0]!.text);
    expect(new Set(addresses).size).toBe(38);
    expect(addresses).not.toContain(emails[0]!.email);
    const rows = await deliveries(id);
    expect(rows.every((row) => row.status === 'sent')).toBe(true);
    // The same recipient's message always has the same id, so a repeat reads as one.
    const ids = smtp.received.map((mail) => mail.messageId);
    expect(new Set(ids).size).toBe(38);
    expect(ids[0]).toMatch(new RegExp(`^<${id}\\.[\\w-]+@northgate\\.example>$`));
  });
});

describe('automatic sends', () => {
  it('sends a new piece of a series to the list that follows it, once', async () => {
    const [followed] = await getDb()
      .insert(series)
      .values({ slug: `series-${++counter}`, name: 'Followed series' })
      .returning();
    const [list] = await getDb()
      .insert(newsletterLists)
      .values({
        slug: `follow-${counter}`,
        name: 'New in the series',
        kind: 'series',
        seriesId: followed!.id,
        createdAt: new Date(Date.now() - 86_400_000),
      })
      .returning();
    const [follower] = await getDb()
      .insert(newsletterSubscribers)
      .values({ email: 'follower@example.org' })
      .returning();
    const now = new Date();
    await getDb().insert(newsletterSubscriptions).values({
      subscriberId: follower!.id,
      listId: list!.id,
      status: 'subscribed',
      source: 'form',
      consentText: 'Yes',
      consentAt: now,
      confirmedAt: now,
    });
    // One piece before the list existed, one after, one not yet live.
    await getDb()
      .insert(articles)
      .values([
        {
          slug: `old-${counter}`,
          title: 'Old piece',
          status: 'published',
          seriesId: followed!.id,
          publishedAt: new Date(Date.now() - 2 * 86_400_000),
        },
        {
          slug: `new-${counter}`,
          title: 'New piece',
          body: 'All of the new piece.',
          status: 'published',
          seriesId: followed!.id,
          publishedAt: new Date(Date.now() - 60_000),
        },
        {
          slug: `later-${counter}`,
          title: 'Later piece',
          status: 'scheduled',
          seriesId: followed!.id,
          publishedAt: new Date(Date.now() + 3_600_000),
        },
      ]);

    const [first, second] = await Promise.all([startAutomaticSends(), startAutomaticSends()]);
    expect([...first!, ...second!]).toHaveLength(1);
    expect(await startAutomaticSends()).toEqual([]);
    await sendAll();
    const mail = smtp.to('follower@example.org');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe('New piece');
    // A single piece is given whole.
    expect(mail[0]!.text).toContain('All of the new piece.');
  });

  it('makes the weekly digest on Fridays from nine, London time', () => {
    // 4 December 2026 is a Friday; London is on GMT then.
    expect(digestDue(new Date('2026-12-04T08:59:00Z'))).toBeNull();
    expect(digestDue(new Date('2026-12-04T09:00:00Z'))).toBe('2026-12-04');
    expect(digestDue(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-04');
    expect(digestDue(new Date('2026-12-05T10:00:00Z'))).toBeNull();
    // In summer London is an hour ahead: 08:00 UTC is 09:00 there.
    expect(digestDue(new Date('2026-06-05T08:00:00Z'))).toBe('2026-06-05');
  });
});
