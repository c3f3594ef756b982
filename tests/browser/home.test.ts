import { describe, expect, inject, it } from 'vitest';
import { browserPagePerTest } from './chromium';

const baseUrl = inject('baseUrl');
const ui = browserPagePerTest();

describe('home page', () => {
  it('shows the latest published articles from the database', async () => {
    const response = await ui.page.goto(baseUrl);
    expect(response?.status()).toBe(200);
    const main = ui.page.getByRole('main');
    await expect(
      main
        .getByRole('heading', {
          level: 2,
          name: 'Britain’s fiscal rules need a stress test, not another rewrite',
        })
        .count(),
    ).resolves.toBe(1);
    const headings = await main.getByRole('heading', { level: 3 }).allTextContents();
    expect(headings.length).toBeGreaterThanOrEqual(11);
    expect(headings).toContain('Deterrence on a budget');
    expect(headings).toContain('The spending review in five charts');
    // Drafts and scheduled pieces are not public.
    expect(headings).not.toContain('Housing supply and the planning system');
    expect(headings).not.toContain('What to watch at the defence ministerial');
    expect(await main.getByText('Members', { exact: true }).count()).toBeGreaterThanOrEqual(1);
    expect(await main.getByRole('link', { name: 'Tomasz Wren' }).first().getAttribute('href')).toBe(
      '/people/tomasz-wren',
    );
    expect(ui.errors).toEqual([]);
  });

  it('has the site shell: landmarks, navigation, log in and support links, footer appeal', async () => {
    await ui.page.goto(baseUrl);
    expect(await ui.page.getByRole('banner').count()).toBe(1);
    expect(await ui.page.getByRole('contentinfo').count()).toBe(1);
    const nav = ui.page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Analysis',
      'Series',
      'People',
      'Topics',
      'Search',
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
        'Northgate Institute for Public Policy is a registered charity, number 1234567. ' +
          'Registered office: Northgate House, 1 Example Street, London.',
      );
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
