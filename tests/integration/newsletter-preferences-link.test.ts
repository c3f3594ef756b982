import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { emailOutbox, newsletterSubscribers, newsletterSuppressions } from '@/db/schema';
import { preferencesUrl } from '@/lib/newsletters/links';
import { preferencesLinkPerIp, requestPreferencesLink } from '@/lib/newsletters/preferences-link';

let subscriberId: string;
const known = 'known@example.org';
let counter = 0;
// A fresh IP per test, so no test meets another's limit by IP.
const nextIp = () => `203.0.113.${++counter}`;

const mailTo = (email: string) =>
  getDb()
    .select()
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.recipient, email), eq(emailOutbox.purpose, 'newsletter_preferences')),
    );

beforeAll(async () => {
  const [row] = await getDb()
    .insert(newsletterSubscribers)
    .values([{ email: known }, { email: 'barred@example.org' }])
    .returning({ id: newsletterSubscribers.id });
  subscriberId = row!.id;
  await getDb()
    .insert(newsletterSuppressions)
    .values({ email: 'barred@example.org', reason: 'complained' });
});

describe('asking for the preferences link', () => {
  it('sends a subscriber their signed link, and answers anyone else the same, sending nothing', async () => {
    const sent = await requestPreferencesLink({ email: ' Known@Example.org ' }, nextIp());
    expect(sent).toEqual({ ok: true, emailIds: [expect.any(String)] });
    const [mail] = await mailTo(known);
    expect(mail).toMatchObject({ subject: expect.stringMatching(/newsletter preferences$/) });
    expect(mail!.text).toContain(preferencesUrl(subscriberId));

    for (const email of ['stranger@example.org', 'barred@example.org']) {
      expect(await requestPreferencesLink({ email }, nextIp())).toEqual({ ok: true, emailIds: [] });
      expect(await mailTo(email)).toHaveLength(0);
    }
  });

  it('sends nothing when the honeypot is filled in, and says what is wrong with an address', async () => {
    expect(await requestPreferencesLink({ email: known, website: 'spam' }, nextIp())).toEqual({
      ok: true,
      emailIds: [],
    });
    expect(await requestPreferencesLink({ email: 'nope' }, nextIp())).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { email: 'Enter an e-mail address like name@example.org.' },
    });
    expect(await mailTo(known)).toHaveLength(1);
  });

  it('is limited per address, known or not, and per IP', async () => {
    // The known address has asked once already.
    for (const [email, left] of [
      [known, 2],
      ['another.stranger@example.org', 3],
    ] as const) {
      for (let i = 0; i < left; i++) {
        expect((await requestPreferencesLink({ email }, nextIp())).ok).toBe(true);
      }
      expect(await requestPreferencesLink({ email }, nextIp())).toMatchObject({
        ok: false,
        reason: 'throttled',
        message: expect.stringMatching(/^Too many requests\. Try again in \d+ minutes?\.$/),
      });
    }
    expect(await mailTo(known)).toHaveLength(3);

    const ip = nextIp();
    for (let i = 0; i < preferencesLinkPerIp.limit; i++) {
      expect((await requestPreferencesLink({ email: `ip${i}@example.org` }, ip)).ok).toBe(true);
    }
    expect(await requestPreferencesLink({ email: 'one.more@example.org' }, ip)).toMatchObject({
      reason: 'throttled',
    });
  });
});
