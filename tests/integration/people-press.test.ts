import { asc, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, authors, emailOutbox, topics, users, type UserRole } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed';
import { ForbiddenError, type Actor } from '@/lib/auth/who';
import { anonymousReader } from '@/lib/auth/who';
import { buildPeopleDirectory } from '@/lib/content/people-directory';
import { parsePeopleParams } from '@/lib/content/people';
import { listArticles, listFeedArticles } from '@/lib/content/queries/articles';
import { listExperts, listTopics } from '@/lib/content/queries/taxonomy';
import type { Revalidator } from '@/lib/editorial/revalidate';
import { createExpert, updateExpert } from '@/lib/editorial/taxonomy';
import { getExpertForEditing } from '@/lib/editorial/term-reads';
import { submitMediaRequest } from '@/lib/press/media-request';
import {
  createCoverage,
  createPressContact,
  deleteCoverage,
  updateCoverage,
} from '@/lib/press/press-office';
import { listCoverage } from '@/lib/press/press-reads';

let counter = 0;
let editor: Actor;
let member: Actor;
const revalidated: string[][] = [];
const record: Revalidator = (tags) => {
  revalidated.push(tags);
};

async function makeUser(role: UserRole): Promise<Actor> {
  const [row] = await getDb()
    .insert(users)
    .values({ email: `${role}-${++counter}@example.org`, role })
    .returning({ id: users.id });
  return { id: row!.id };
}

async function directory(query: Record<string, string>) {
  const [people, allTopics] = await Promise.all([listExperts(), listTopics()]);
  return buildPeopleDirectory(people, allTopics, parsePeopleParams(query));
}

const names = (found: Awaited<ReturnType<typeof directory>>) =>
  found.groups.flatMap((group) => group.people.map((person) => person.name));

async function topicId(slug: string) {
  const [row] = await getDb().select({ id: topics.id }).from(topics).where(eq(topics.slug, slug));
  return row!.id;
}

async function mediaRequests() {
  return getDb()
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.purpose, 'media_request'))
    .orderBy(asc(emailOutbox.createdAt));
}

beforeAll(async () => {
  await seedDatabase(getDb());
  [editor, member] = await Promise.all([makeUser('editor'), makeUser('member')]);
});

beforeEach(() => {
  revalidated.length = 0;
});

describe('/people', () => {
  it('groups everyone by role, in the roles’ order', async () => {
    const found = await directory({});
    expect(found.groups.map((group) => group.role)).toEqual([
      'fellow',
      'staff',
      'trustee',
      'associate',
    ]);
    expect(found.total).toBe(15);
    expect(found.roles).toEqual(['fellow', 'staff', 'trustee', 'associate']);
    expect(found.topics.map((topic) => topic.slug)).toContain('energy-climate');
  });

  it('filters by role, by area, and by both; an empty result is empty', async () => {
    expect(names(await directory({ role: 'trustee' }))).toEqual([
      'Anil Mehta',
      'Catriona Munro',
      'Grace Nwosu',
      'Helena Brandt',
      'Margaret Holloway',
      'Owen Pritchard',
      'Richard Osei',
    ]);
    const energy = await directory({ topic: 'energy-climate' });
    expect(names(energy)).toEqual(['Helen Orvik']);
    expect(energy.filter.topic).toEqual({ slug: 'energy-climate', name: 'Energy and Climate' });
    expect(names(await directory({ role: 'staff', topic: 'economy' }))).toEqual(['Samuel Adeyemi']);
    const none = await directory({ role: 'associate', topic: 'health' });
    expect(none).toMatchObject({ total: 0, groups: [] });
  });

  it('drops a filter it does not know rather than failing', async () => {
    const found = await directory({ role: 'emperor', topic: 'no-such-topic' });
    expect(found.filter).toEqual({ role: undefined, topic: undefined });
    expect(found.total).toBe(15);
  });

  it('gives a media contact only for people who take media requests', async () => {
    const people = await listExperts();
    const person = (slug: string) => people.find((item) => item.slug === slug)!;
    expect(person('tomasz-wren').media).toEqual({ email: null, phone: '+44 7700 900 317' });
    expect(person('helen-orvik').media).toEqual({
      email: 'helen.orvik@northgate.example',
      phone: '+44 20 7946 0412',
    });
    expect(person('amara-okafor').media).toEqual({
      email: 'amara.okafor@northgate.example',
      phone: '+44 20 7946 0425',
    });
    expect(person('elif-karaca').media).toBeNull();
    // Details kept for someone who has stopped taking requests stay on the server.
    await getDb()
      .update(authors)
      .set({ acceptsMedia: false })
      .where(eq(authors.slug, 'priya-raman'));
    expect((await listExperts()).find((item) => item.slug === 'priya-raman')!.media).toBeNull();
    await getDb()
      .update(authors)
      .set({ acceptsMedia: true })
      .where(eq(authors.slug, 'priya-raman'));
  });
});

describe('a person’s role, areas and media contact', () => {
  it('saves them, and reads them back for editing', async () => {
    const [economy, europe] = await Promise.all([topicId('economy'), topicId('europe')]);
    const result = await createExpert(
      editor,
      {
        name: 'Nadia Fairbairn',
        jobTitle: 'Trustee',
        role: 'trustee',
        topicIds: `${europe},${economy}`,
        acceptsMedia: 'on',
        mediaEmail: 'nadia@northgate.example',
        mediaPhone: '',
      },
      record,
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(await getExpertForEditing(result.id)).toMatchObject({
      role: 'trustee',
      topicIds: [economy, europe].sort(),
      acceptsMedia: true,
      mediaEmail: 'nadia@northgate.example',
      mediaPhone: null,
    });
    await updateExpert(editor, result.id, { name: 'Nadia Fairbairn', role: 'trustee' }, record);
    expect(await getExpertForEditing(result.id)).toMatchObject({
      topicIds: [],
      acceptsMedia: false,
    });
  });

  it('asks for a contact when they take media requests, and checks its shape', async () => {
    expect(await createExpert(editor, { name: 'No Contact', acceptsMedia: 'on' }, record)).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: {
        mediaEmail:
          'Give an e-mail address or a phone number for journalists, or untick “Takes media requests”.',
      },
    });
    const bad = await createExpert(
      editor,
      {
        name: 'Bad Contact',
        role: 'chair' as never,
        acceptsMedia: 'on',
        mediaEmail: 'not an address',
        mediaPhone: '0800 CALL ME',
      },
      record,
    );
    expect(bad).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: {
        role: 'Choose fellow, staff, trustee or associate.',
        mediaEmail: 'Enter an e-mail address like press@northgate.example.',
        mediaPhone:
          'Use digits, spaces, brackets, hyphens and a leading + only, such as +44 20 7946 0123.',
      },
    });
    expect(revalidated).toEqual([]);
  });
});

describe('the media request form', () => {
  const request = {
    name: 'Sam Carter',
    outlet: 'The Morning Ledger',
    email: 'Sam.Carter@Ledger.example',
    phone: '+44 20 7946 0999',
    deadline: 'Today, 4pm',
    request: 'Looking for comment on the fiscal rules.\n\nA short phone interview would be ideal.',
    website: '',
  };

  it('queues one e-mail to the press inbox, with Reply-To set to the journalist', async () => {
    const before = (await mediaRequests()).length;
    const outcome = await submitMediaRequest(request, '198.51.100.1');
    expect(outcome).toMatchObject({ ok: true, inbox: 'press@northgate.example' });
    const rows = await mediaRequests();
    expect(rows).toHaveLength(before + 1);
    const email = rows.at(-1)!;
    expect(email).toMatchObject({
      recipient: 'press@northgate.example',
      replyTo: 'sam.carter@ledger.example',
      subject: 'Media request: Sam Carter, The Morning Ledger',
      status: 'pending',
    });
    expect(email.text).toContain('Deadline: Today, 4pm');
    expect(email.text).toContain('A short phone interview would be ideal.');
  });

  it('keeps line breaks typed into the name and outlet out of the headers', async () => {
    const outcome = await submitMediaRequest(
      {
        ...request,
        email: 'crlf@ledger.example',
        name: 'Eve\r\nBcc: victim@example.org',
        outlet: 'Ledger\nX-Injected: yes',
      },
      '198.51.100.2',
    );
    expect(outcome.ok).toBe(true);
    const email = (await mediaRequests()).at(-1)!;
    expect(email.subject).toBe(
      'Media request: Eve Bcc: victim@example.org, Ledger X-Injected: yes',
    );
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it('refuses bad input field by field, a filled honeypot, and a huge request, sending nothing', async () => {
    const before = (await mediaRequests()).length;
    expect(
      await submitMediaRequest(
        { ...request, name: ' ', outlet: '', email: 'nope', phone: 'call me', request: '' },
        '198.51.100.3',
      ),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      errors: {
        name: 'Give your name.',
        outlet: 'Name the outlet or programme you work for, or “freelance”.',
        email: 'Enter an e-mail address like name@example.org.',
        phone:
          'Use digits, spaces, brackets, hyphens and a leading + only, such as +44 20 7946 0123.',
        request: 'Tell us what you need: the story, and whom or what you are looking for.',
      },
    });
    expect(
      await submitMediaRequest({ ...request, website: 'https://spam.example' }, '198.51.100.3'),
    ).toMatchObject({ ok: false, reason: 'refused' });
    expect(
      await submitMediaRequest({ ...request, request: 'x'.repeat(5001) }, '198.51.100.3'),
    ).toMatchObject({ ok: false, reason: 'invalid', errors: { request: expect.any(String) } });
    expect(await mediaRequests()).toHaveLength(before);
  });

  it('throttles one e-mail address after five requests an hour', async () => {
    const throttled = { ...request, email: 'busy@ledger.example' };
    for (let n = 0; n < 5; n += 1) {
      expect((await submitMediaRequest(throttled, `198.51.100.${10 + n}`)).ok).toBe(true);
    }
    expect(await submitMediaRequest(throttled, '198.51.100.20')).toMatchObject({
      ok: false,
      reason: 'throttled',
      message: expect.stringMatching(/^Too many requests\. Try again in \d+ minutes?\.$/),
    });
  });
});

describe('the press office’s records', () => {
  it('refuses bad coverage with a message per field', async () => {
    expect(
      await createCoverage(
        editor,
        {
          title: ' ',
          outlet: '',
          publishedOn: '2026-02-30',
          url: 'ftp://files.example.com/x',
          authorId: 'someone',
        },
        record,
      ),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: {
        title: 'Give the headline of the piece.',
        outlet: 'Name the outlet, such as a newspaper or programme.',
        publishedOn: 'Give the date as a real day, such as 2026-03-14.',
        url: 'Give the full web address, starting with https:// or http://.',
        authorId: 'Choose the person from the list, or none.',
      },
    });
    expect(
      await createCoverage(
        editor,
        {
          title: 'A headline',
          outlet: 'An outlet',
          publishedOn: '2026-11-30',
          url: 'https://www.example.com/a',
          authorId: '00000000-0000-4000-8000-000000000000',
        },
        record,
      ),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { authorId: 'This person has been removed. Choose another, or none.' },
    });
    expect(revalidated).toEqual([]);
  });

  it('adds, changes and deletes coverage, audited, and revalidates /press', async () => {
    const [helen] = await getDb()
      .select({ id: authors.id })
      .from(authors)
      .where(eq(authors.slug, 'helen-orvik'));
    const created = await createCoverage(
      editor,
      {
        title: 'Grid queue reform explained',
        outlet: 'Power Weekly',
        publishedOn: '2026-12-01',
        url: 'HTTPS://www.example.com/power-weekly/grid',
        authorId: helen!.id,
      },
      record,
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(revalidated).toEqual([['press']]);
    const [newest] = await listCoverage(1);
    expect(newest).toMatchObject({
      id: created.id,
      url: 'https://www.example.com/power-weekly/grid',
      person: { slug: 'helen-orvik', name: 'Helen Orvik' },
    });
    expect(
      await updateCoverage(
        editor,
        created.id,
        {
          title: 'Grid queue reform, explained',
          outlet: 'Power Weekly',
          publishedOn: '2026-12-01',
          url: 'https://www.example.com/power-weekly/grid',
        },
        record,
      ),
    ).toEqual({ ok: true, id: created.id });
    expect(await deleteCoverage(editor, created.id, record)).toEqual({ ok: true });
    expect(await deleteCoverage(editor, created.id, record)).toEqual({
      ok: false,
      reason: 'not-found',
    });
    const audit = await getDb()
      .select({ action: auditLog.action, actorId: auditLog.actorId, detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.subjectId, created.id))
      .orderBy(asc(auditLog.id));
    expect(audit.map((row) => row.action)).toEqual([
      'coverage.created',
      'coverage.updated',
      'coverage.deleted',
    ]);
    expect(audit.every((row) => row.actorId === editor.id)).toBe(true);
    expect(audit[2]!.detail).toMatchObject({ title: 'Grid queue reform, explained' });
  });

  it('checks a press contact’s e-mail and phone', async () => {
    expect(
      await createPressContact(
        editor,
        { name: 'Desk', email: 'desk@', phone: '12', position: '-1' },
        record,
      ),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: {
        email: 'Enter an e-mail address like press@northgate.example.',
        phone: 'This number is too short: give it with its area code.',
        position: 'Give a position of 0 or more.',
      },
    });
  });

  it('lets only editors and admins change them', async () => {
    await expect(
      createCoverage(
        member,
        {
          title: 'Not allowed',
          outlet: 'Nowhere',
          publishedOn: '2026-12-01',
          url: 'https://www.example.com/no',
        },
        record,
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(revalidated).toEqual([]);
  });
});

describe('press releases', () => {
  it('have a feed of their own, newest first, and stay out of the research listings', async () => {
    const feed = await listFeedArticles({ kind: 'press-release' }, anonymousReader);
    expect(feed.map((item) => item.slug)).toEqual([
      'press-release-fiscal-stress-test',
      'press-release-primary-care-report',
      'press-release-director-of-research',
    ]);
    expect(feed[0]).toMatchObject({
      kind: 'press-release',
      authors: [expect.objectContaining({ slug: 'joanna-mercer', name: 'Joanna Mercer' })],
      topicNames: expect.arrayContaining(['Economy and Public Finance']),
    });
    expect(feed[0]!.body).toContain('Notes to editors');

    const research = await listArticles({}, 1, 100);
    expect(research.items.some((item) => item.kind === 'press-release')).toBe(false);
    const topic = await listArticles({ topicSlug: 'health' }, 1, 100);
    expect(topic.items.some((item) => item.kind === 'press-release')).toBe(false);
    const joanna = await listArticles(
      { authorSlug: 'joanna-mercer', includePressReleases: true },
      1,
      10,
    );
    expect(joanna.total).toBe(3);
  });
});
