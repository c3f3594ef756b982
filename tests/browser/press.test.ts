import { XMLParser } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { testAccounts } from './accounts';
import { seriousViolations } from './axe';
import { browserPagePerTest } from './chromium';
import { inbox } from './mail-catcher';
import { logIn } from './people';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');
const ui = browserPagePerTest();
const pressInbox = 'press@northgate.example';

const cardNames = () => ui.page.locator('main ul li h3').allTextContents();

describe('the press office', () => {
  it('takes a journalist’s media request to the press inbox, over SMTP', async () => {
    await ui.page.goto(`${baseUrl}/press`);
    const form = ui.page.getByRole('region', { name: 'Send a media request' });
    const unique = Date.now().toString(36);
    await form.getByLabel('Your name').fill('Sam Carter');
    await form.getByLabel('Outlet or programme').fill('The Morning Ledger');
    await form.getByLabel('E-mail address').fill(`sam.${unique}@ledger.example`);
    await form.getByLabel('Deadline (optional)').fill('Today, 4pm');
    await form
      .getByLabel('Your request')
      .fill(`Comment on the fiscal rules, please (${unique}). A phone interview would be ideal.`);
    const received = inbox(mailDir);
    await form.getByRole('button', { name: 'Send to the press office' }).click();

    const thanks = ui.page.getByRole('status').filter({ hasText: 'your request has reached us' });
    await thanks.waitFor();
    expect(await thanks.textContent()).toContain(`will reply to sam.${unique}@ledger.example`);
    expect(await thanks.textContent()).toContain('We answer within two hours');

    const mail = await received.next(pressInbox, { subject: 'Media request: Sam Carter' });
    expect(mail.subject).toBe('Media request: Sam Carter, The Morning Ledger');
    expect(mail.replyTo).toEqual([`sam.${unique}@ledger.example`]);
    expect(mail.text).toContain('Deadline: Today, 4pm');
    expect(mail.text).toContain(`Comment on the fiscal rules, please (${unique}).`);
    expect(ui.errors).toEqual([]);
  });

  it('says what to put right and keeps what was typed (on a phone)', async () => {
    await ui.page.setViewportSize({ width: 390, height: 844 });
    await ui.page.goto(`${baseUrl}/press`);
    const form = ui.page.getByRole('region', { name: 'Send a media request' });
    await form.getByLabel('Your name').fill('Sam Carter');
    await form.getByLabel('E-mail address').fill('not an address');
    await form.getByLabel('Phone (optional)').fill('ring me');
    await form.getByLabel('Your request').fill('An interview about grid connections.');
    await form.getByRole('button', { name: 'Send to the press office' }).click();

    await form.getByText('Name the outlet or programme you work for').waitFor();
    await form.getByText('Enter an e-mail address like name@example.org.').waitFor();
    await form.getByText('Use digits, spaces, brackets, hyphens and a leading +').waitFor();
    const outlet = form.getByLabel('Outlet or programme');
    expect(await outlet.getAttribute('aria-invalid')).toBe('true');
    expect(await outlet.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await form.getByLabel('Your name').inputValue()).toBe('Sam Carter');
    expect(await form.getByLabel('Your request').inputValue()).toBe(
      'An interview about grid connections.',
    );
    expect(ui.errors).toEqual([]);
  });

  it('gives the press contacts, the experts who take requests, releases and coverage', async () => {
    await ui.page.goto(`${baseUrl}/press`);
    const contacts = ui.page.getByRole('region', { name: 'Contact the press office' });
    expect(
      await contacts.getByRole('link', { name: '+44 20 7946 0100' }).getAttribute('href'),
    ).toBe('tel:+442079460100');
    expect(await contacts.getByRole('link', { name: pressInbox }).getAttribute('href')).toBe(
      `mailto:${pressInbox}`,
    );
    await contacts.getByText('Monday to Friday, 8am to 7pm').waitFor();

    const experts = ui.page.getByRole('region', { name: 'Experts available for interview' });
    expect(await experts.getByRole('heading', { level: 3 }).allTextContents()).toEqual(
      expect.arrayContaining(['Helen Orvik', 'Tomasz Wren', 'Joanna Mercer', 'Amara Okafor']),
    );
    // An associate who takes no media requests is not offered.
    expect(await experts.getByText('Elif Karaca').count()).toBe(0);

    const news = ui.page.getByRole('region', { name: 'In the news' });
    const story = news.getByRole('link', { name: /Chancellor urged to stress-test fiscal rules/ });
    expect(await story.getAttribute('rel')).toBe('noopener');
    expect(await story.getAttribute('href')).toMatch(/^https:\/\/www\.example\.com\//);
    await news.getByRole('link', { name: 'Daniel Achterberg' }).waitFor();

    await ui.page.getByRole('link', { name: 'All press releases' }).click();
    await ui.page.waitForURL(`${baseUrl}/press/releases`);
    expect(await ui.page.locator('main article h2').allTextContents()).toEqual([
      'Northgate Institute calls for a stress test of the fiscal rules before any rewrite',
      'Fast-growing African cities receive as little as a third of rural primary care funding, report finds',
      'Northgate Institute appoints Samuel Adeyemi as Director of Research',
    ]);
    expect(ui.errors).toEqual([]);
  });

  it('publishes press releases in a feed of their own, and keeps them out of /analysis', async () => {
    const response = await fetch(`${baseUrl}/press/releases/feed.xml`);
    expect(response.headers.get('content-type')).toContain('application/rss+xml');
    const feed = new XMLParser().parse(await response.text());
    const items = [feed.rss.channel.item].flat() as { title: string; link: string }[];
    expect(items.map((item) => item.link)).toEqual([
      `${baseUrl}/articles/press-release-fiscal-stress-test`,
      `${baseUrl}/articles/press-release-primary-care-report`,
      `${baseUrl}/articles/press-release-director-of-research`,
    ]);
    const analysis = await (await fetch(`${baseUrl}/analysis`)).text();
    expect(analysis).not.toContain('press-release-');
    const old = await fetch(`${baseUrl}/analysis?kind=press-release`, { redirect: 'manual' });
    expect(old.status).toBe(308);
    expect(old.headers.get('location')).toBe('/press/releases');
  });
});

describe('people', () => {
  it('filters by role and by area, by clicking, and says when no one matches', async () => {
    await ui.page.goto(`${baseUrl}/people`);
    await ui.page.getByText('Everyone: 15 people').waitFor();
    const roles = ui.page.getByRole('navigation', { name: 'Filter by role' });
    const areas = ui.page.getByRole('navigation', { name: 'Filter by area' });

    await roles.getByRole('link', { name: 'Trustees' }).click();
    await ui.page.waitForURL(`${baseUrl}/people?role=trustee`);
    await ui.page.getByText('Trustees: 7 people').waitFor();
    expect(await cardNames()).toEqual([
      'Anil Mehta',
      'Catriona Munro',
      'Grace Nwosu',
      'Helena Brandt',
      'Margaret Holloway',
      'Owen Pritchard',
      'Richard Osei',
    ]);
    expect(await roles.getByRole('link', { name: 'Trustees' }).getAttribute('aria-current')).toBe(
      'page',
    );

    await areas.getByRole('link', { name: 'Energy and Climate' }).click();
    await ui.page.waitForURL(`${baseUrl}/people?role=trustee&topic=energy-climate`);
    await ui.page.getByRole('heading', { name: 'No one matches these filters' }).waitFor();
    await ui.page.getByText('Trustees working on Energy and Climate: 0 people').waitFor();

    await roles.getByRole('link', { name: 'Everyone' }).click();
    await ui.page.waitForURL(`${baseUrl}/people?topic=energy-climate`);
    await ui.page.getByText('Everyone working on Energy and Climate: 1 person').waitFor();
    expect(await cardNames()).toEqual(['Helen Orvik']);
    expect(ui.errors).toEqual([]);
  });

  it('shows a person’s media contacts only when they take media requests', async () => {
    await ui.page.goto(`${baseUrl}/people/helen-orvik`);
    const media = ui.page.getByRole('region', { name: 'Media enquiries' });
    expect(
      await media.getByRole('link', { name: 'helen.orvik@northgate.example' }).getAttribute('href'),
    ).toBe('mailto:helen.orvik@northgate.example');
    expect(await media.getByRole('link', { name: '+44 20 7946 0412' }).getAttribute('href')).toBe(
      'tel:+442079460412',
    );
    const areas = ui.page.getByRole('navigation', { name: 'Areas of work' });
    await areas.getByRole('link', { name: 'Energy and Climate' }).click();
    await ui.page.waitForURL(`${baseUrl}/topics/energy-climate`);

    await ui.page.goto(`${baseUrl}/people/elif-karaca`);
    await ui.page.getByRole('heading', { level: 1, name: 'Elif Karaca' }).waitFor();
    expect(await ui.page.getByRole('region', { name: 'Media enquiries' }).count()).toBe(0);
    expect(ui.errors).toEqual([]);
  });

  it('moves the experts’ old addresses to /people for good, and keeps their feeds', async () => {
    const index = await fetch(`${baseUrl}/experts`, { redirect: 'manual' });
    expect([index.status, index.headers.get('location')]).toEqual([308, '/people']);
    const person = await fetch(`${baseUrl}/experts/helen-orvik?page=2`, { redirect: 'manual' });
    expect([person.status, person.headers.get('location')]).toEqual([
      308,
      '/people/helen-orvik?page=2',
    ]);
    const feed = await fetch(`${baseUrl}/experts/helen-orvik/feed.xml`, { redirect: 'manual' });
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain(`${baseUrl}/people/helen-orvik/feed.xml`);
  });
});

describe('the press office in the editorial area', () => {
  it('refuses coverage without a proper address and date, then adds it to /press', async () => {
    await logIn(ui.page, testAccounts.admin);
    await ui.page.goto(`${baseUrl}/admin/press/coverage/new`);
    const headline = `Think tank warns on grid queue ${Date.now().toString(36)}`;
    await ui.page.getByLabel('Headline').fill(headline);
    await ui.page.getByLabel('Outlet', { exact: true }).fill('Power Weekly');
    await ui.page.getByLabel('Web address').fill('www.example.com/power-weekly');
    await ui.page.getByRole('button', { name: 'Add coverage' }).click();
    const alert = ui.page.getByRole('alert');
    await alert.getByText('Nothing was saved: some fields need attention.').waitFor();
    await alert.getByRole('link', { name: 'Give the date it appeared.' }).waitFor();
    await alert
      .getByRole('link', { name: 'Give the full web address, starting with https:// or http://.' })
      .waitFor();
    expect(await ui.page.getByLabel('Headline').inputValue()).toBe(headline);

    await ui.page.getByLabel('Date it appeared').fill('2026-12-02');
    await ui.page.getByLabel('Web address').fill('https://www.example.com/power-weekly/grid');
    await ui.page.getByLabel('Our person in it').selectOption({ label: 'Helen Orvik' });
    await ui.page.getByRole('button', { name: 'Add coverage' }).click();
    await ui.page.waitForURL(/\/admin\/press\/coverage\/[0-9a-f-]{36}\?created=1$/);
    expect(await seriousViolations(ui.page)).toEqual([]);

    await ui.page.goto(`${baseUrl}/press`);
    await ui.page
      .getByRole('region', { name: 'In the news' })
      .getByRole('link', { name: new RegExp(headline) })
      .waitFor();
    expect(ui.errors).toEqual([]);
  });
});

describe('the press office’s admin pages', () => {
  it('are refused to a member with 403', async () => {
    await logIn(ui.page, testAccounts.member);
    for (const path of [
      '/admin/press/contacts',
      '/admin/press/contacts/new',
      '/admin/press/coverage',
      '/admin/press/coverage/new',
    ]) {
      const response = await ui.page.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(403);
    }
  });
});

describe('accessibility', () => {
  it.each(['/people', '/people?role=fellow', '/people/helen-orvik', '/press', '/press/releases'])(
    '%s has no serious axe violations',
    async (path) => {
      await ui.page.goto(`${baseUrl}${path}`);
      await ui.page.getByRole('heading', { level: 1 }).waitFor();
      expect(await seriousViolations(ui.page)).toEqual([]);
    },
  );
});
