import { describe, expect, inject, it } from 'vitest';
import { testAccounts } from './accounts';
import { seriousViolations } from './axe';
import { browserPagePerTest } from './chromium';

const baseUrl = inject('baseUrl');
const ui = browserPagePerTest();

describe('home page', () => {
  it('shows the lead, a featured publication and the latest work from the database', async () => {
    const response = await ui.page.goto(baseUrl);
    expect(response?.status()).toBe(200);
    const main = ui.page.getByRole('main');
    const lead = main.getByRole('region', { name: 'Lead article' });
    expect(await lead.getByRole('heading', { level: 2 }).textContent()).toBe(
      'Britain’s fiscal rules need a stress test, not another rewrite',
    );
    const featured = main.locator('section[aria-labelledby="featured-publication-heading"]');
    expect(
      await featured.getByText(/^Featured publication · (Report|Briefing|Paper)$/).count(),
    ).toBe(1);
    const latest = main.getByRole('region', { name: 'Latest' });
    const headings = await latest.getByRole('heading', { level: 3 }).allTextContents();
    expect(headings).toHaveLength(6);
    expect(headings).toContain('Deterrence on a budget');
    // Drafts and scheduled pieces are not public.
    const everything = await main.getByRole('heading').allTextContents();
    expect(everything).not.toContain('Housing supply and the planning system');
    expect(everything).not.toContain('What to watch at the defence ministerial');
    expect(await main.getByText('Members', { exact: true }).count()).toBeGreaterThanOrEqual(1);
    expect(await main.getByRole('link', { name: 'Tomasz Wren' }).first().getAttribute('href')).toBe(
      '/people/tomasz-wren',
    );
    const experts = main.getByRole('region', { name: 'Our experts' });
    expect(await experts.getByRole('heading', { level: 3 }).count()).toBe(4);
    expect(await seriousViolations(ui.page)).toEqual([]);
    expect(ui.errors).toEqual([]);
  });

  it('shows the lead and topic sections an editor chooses in the admin, without a deploy', async () => {
    const leadTitle = 'Europe’s ammunition gap, a year on';
    await ui.page.goto(`${baseUrl}/login?callbackUrl=%2Fadmin%2Fhome`);
    await ui.page.getByLabel('E-mail address', { exact: true }).fill(testAccounts.admin.email);
    await ui.page.getByLabel('Password', { exact: true }).fill(testAccounts.admin.password);
    await ui.page.getByRole('button', { name: 'Log in' }).click();
    await ui.page.waitForURL(`${baseUrl}/admin/home`);
    await ui.page.getByRole('heading', { level: 1, name: 'Home page' }).waitFor();
    expect(await seriousViolations(ui.page)).toEqual([]);
    const save = async () => {
      await ui.page.getByRole('button', { name: 'Save the home page' }).click();
      await ui.page
        .getByRole('status')
        .getByText(/^Saved\./)
        .waitFor();
    };
    try {
      await ui.page
        .getByLabel('Lead piece')
        .selectOption({ label: `${leadTitle} (Commentary, 2 October 2026)` });
      await ui.page
        .getByLabel('First topic section')
        .selectOption({ label: 'Security and Defence' });
      await save();

      await ui.page.goto(baseUrl);
      const main = ui.page.getByRole('main');
      const lead = main.getByRole('region', { name: 'Lead article' });
      expect(await lead.getByRole('heading', { level: 2 }).textContent()).toBe(leadTitle);
      const section = main.getByRole('region', { name: 'Security and Defence' });
      expect(await section.getByRole('heading', { level: 3 }).allTextContents()).toContain(
        'Deterrence on a budget',
      );
      // What leads is not repeated in its topic's section.
      expect(await section.getByRole('heading', { name: leadTitle }).count()).toBe(0);
      expect(
        await section
          .getByRole('link', { name: 'More on Security and Defence' })
          .getAttribute('href'),
      ).toBe('/topics/security-defence');
    } finally {
      await ui.page.goto(`${baseUrl}/admin/home`);
      await ui.page
        .getByLabel('Lead piece')
        .selectOption({ label: 'The newest piece (chosen by date)' });
      await ui.page.getByLabel('First topic section').selectOption({ label: 'None' });
      await save();
    }
    await ui.page.goto(baseUrl);
    expect(
      await ui.page
        .getByRole('region', { name: 'Lead article' })
        .getByRole('heading', { level: 2 })
        .textContent(),
    ).toBe('Britain’s fiscal rules need a stress test, not another rewrite');
    expect(ui.errors).toEqual([]);
  });

  it('has the site shell: landmarks, navigation, log in and support links, footer appeal', async () => {
    await ui.page.goto(baseUrl);
    expect(await ui.page.getByRole('banner').count()).toBe(1);
    expect(await ui.page.getByRole('contentinfo').count()).toBe(1);
    const nav = ui.page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Analysis',
      'Publications',
      'Series',
      'People',
      'Topics',
      'Press',
      'Search',
      // The seeded About page, placed in the navigation by its editors.
      'About',
    ]);
    const banner = ui.page.getByRole('banner');
    expect(await banner.getByRole('link', { name: 'Members’ log in' }).getAttribute('href')).toBe(
      '/login',
    );
    expect(await banner.getByRole('link', { name: 'Support us' }).getAttribute('href')).toBe(
      '/support',
    );
    expect(await ui.page.getByRole('heading', { name: 'Independent because of you' }).count()).toBe(
      1,
    );
    expect(await ui.page.title()).toContain('Northgate Institute');
  });

  it.each([1366, 390])(
    'gives the charity’s details in the footer and links the privacy notice at %i px',
    async (width) => {
      await ui.page.setViewportSize({ width, height: 900 });
      await ui.page.goto(`${baseUrl}/analysis`);
      const footer = ui.page.getByRole('contentinfo');
      const details = footer.getByText(/is a registered charity/);
      await details.scrollIntoViewIfNeeded();
      expect(await details.isVisible()).toBe(true);
      expect(await details.textContent()).toBe(
        'Northgate Institute for Public Policy is a registered charity, number 1234567 on the ' +
          'register of charities, and a company limited by guarantee, number 19283746 at ' +
          'Companies House.',
      );
      await footer
        .getByText('Registered office: Northgate House, 1 Example Street, London.', { exact: true })
        .waitFor();
      // Each number leads to its public register entry.
      expect(
        await footer
          .getByRole('link', { name: '1234567 on the register of charities' })
          .getAttribute('href'),
      ).toBe(
        'https://register-of-charities.charitycommission.gov.uk/charity-search/-/charity-details/1234567',
      );
      expect(
        await footer
          .getByRole('link', { name: '19283746 at Companies House' })
          .getAttribute('href'),
      ).toBe('https://find-and-update.company-information.service.gov.uk/company/19283746');
      await footer.getByRole('link', { name: 'Privacy notice' }).click();
      await ui.page.waitForURL(`${baseUrl}/privacy`);
      await ui.page.getByRole('heading', { level: 1, name: 'Privacy notice' }).waitFor();
      expect(ui.errors).toEqual([]);
    },
  );

  it('leaves the footer’s appeal out of the donation page, which is the appeal', async () => {
    await ui.page.goto(`${baseUrl}/support`);
    await ui.page.getByRole('heading', { level: 1 }).waitFor();
    const footer = ui.page.getByRole('contentinfo');
    expect(await footer.getByText(/is a registered charity/).count()).toBe(1);
    expect(await footer.getByRole('heading', { name: 'Independent because of you' }).count()).toBe(
      0,
    );
    expect(await footer.getByRole('link', { name: 'Support us' }).count()).toBe(0);
  });

  it('offers a skip link as the first stop for keyboard users', async () => {
    await ui.page.goto(baseUrl);
    await ui.page.keyboard.press('Tab');
    const focused = ui.page.locator(':focus');
    expect(await focused.textContent()).toBe('Skip to content');
    await ui.page.keyboard.press('Enter');
    expect(await ui.page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('loads every image with its dimensions so nothing shifts', async () => {
    await ui.page.goto(baseUrl);
    const images = await ui.page.locator('main img').evaluateAll((nodes) =>
      nodes.map((node) => ({
        width: node.getAttribute('width'),
        height: node.getAttribute('height'),
        alt: node.getAttribute('alt'),
      })),
    );
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(Number(image.width)).toBeGreaterThan(0);
      expect(Number(image.height)).toBeGreaterThan(0);
      expect(image.alt).not.toBeNull();
    }
  });
});

describe('not found', () => {
  it('answers 404 with the site’s own page', async () => {
    const response = await ui.page.goto(`${baseUrl}/no/such/page`);
    expect(response?.status()).toBe(404);
    expect(await ui.page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'We could not find that page',
    );
    expect(await ui.page.getByRole('navigation', { name: 'Main' }).count()).toBe(1);
  });
});

describe('health endpoint', () => {
  it('answers 200 when the database is reachable', async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(await response.json()).toMatchObject({
      status: 'ok',
      database: { ok: true, engine: 'pglite' },
    });
  });
});
