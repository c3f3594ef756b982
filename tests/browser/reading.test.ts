import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { browserPagePerTest } from './chromium';

const baseUrl = inject('baseUrl');
const membersSlug = 'spending-review-in-five-charts';
// Sentences from the members-only briefing's body: they must reach no anonymous reader.
const membersBody = [
  'Health takes the lion’s share again',
  'The efficiency assumption is heroic',
  'tables for each chart',
];
const ui = browserPagePerTest();

async function text(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, { headers });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await response.text(),
  };
}

function parseFeed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
  const items = parsed.rss.channel.item ?? [];
  return (Array.isArray(items) ? items : [items]) as {
    title: string;
    link: string;
    description: string;
    'content:encoded'?: string;
  }[];
}

describe('reading an article', () => {
  it('goes from the home page to the article with everything a reader expects', async () => {
    await ui.page.goto(baseUrl);
    await ui.page
      .getByRole('link', { name: 'Britain’s fiscal rules need a stress test, not another rewrite' })
      .click();
    await ui.page.waitForURL(`${baseUrl}/articles/fiscal-rules-need-a-stress-test`);
    const article = ui.page.locator('main article').first();
    expect(await ui.page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Britain’s fiscal rules need a stress test, not another rewrite',
    );
    expect(await article.locator('header').getByText('Analysis', { exact: true }).count()).toBe(1);
    expect(await article.getByRole('link', { name: 'Fiscal Watch' }).getAttribute('href')).toBe(
      '/series/fiscal-watch',
    );
    expect(
      await article.getByRole('link', { name: 'Daniel Achterberg' }).first().getAttribute('href'),
    ).toBe('/people/daniel-achterberg');
    expect(await article.locator('header time').first().textContent()).toBe('18 November 2026');
    expect(await article.getByText(/\d+ min read/).count()).toBe(1);
    const figure = article.locator('figure');
    expect(await figure.locator('img').getAttribute('alt')).toBe(
      'Rows of grey and green bars arranged like ledger columns',
    );
    expect(await figure.locator('figcaption').textContent()).toContain(
      'Fiscal rules are only as good',
    );
    expect(
      await article
        .getByRole('heading', { level: 2, name: 'What a stress test would look like' })
        .count(),
    ).toBe(1);
    expect(await article.locator('blockquote').count()).toBe(1);
    const topics = ui.page.getByRole('navigation', { name: 'Topics and regions' });
    expect(await topics.getByRole('link').allTextContents()).toEqual([
      'Economy and Public Finance',
      'United Kingdom',
    ]);
    expect(await ui.page.getByRole('heading', { name: 'Related' }).count()).toBe(1);
    expect(ui.errors).toEqual([]);
  });

  it('shares without third-party scripts and offers citations to copy', async () => {
    await ui.page.goto(`${baseUrl}/articles/semiconductor-subsidies-race`);
    const share = ui.page.getByRole('region', { name: 'Share' });
    const hrefs = await share
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.some((href) => href?.startsWith('https://www.linkedin.com/'))).toBe(true);
    const scripts = await ui.page
      .locator('script[src]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('src')));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((src) => src?.startsWith('/_next/'))).toBe(true);

    await ui.page.getByText('Cite this').click();
    const apa = await ui.page.getByLabel('APA citation').textContent();
    expect(apa).toContain('Raman, P., & Wren, T. (2026, September 22). Semiconductor subsidies');
    expect(apa).toContain(`${baseUrl}/articles/semiconductor-subsidies-race`);
    expect(await ui.page.getByLabel('Chicago citation').textContent()).toContain(
      'Raman, Priya, and Tomasz Wren.',
    );
    expect(await ui.page.getByLabel('BibTeX citation').textContent()).toMatch(
      /^@misc\{raman2026semiconductor,/,
    );
    expect(
      await ui.page
        .getByText(/Updated/)
        .first()
        .textContent(),
    ).toContain('30 September 2026');
  });

  it('describes itself to search engines with JSON-LD and Open Graph', async () => {
    await ui.page.goto(`${baseUrl}/articles/grid-connections-new-bottleneck`);
    const blocks = await ui.page.locator('script[type="application/ld+json"]').allTextContents();
    const data = blocks.flatMap((block) => JSON.parse(block));
    expect(data.find((item) => item['@type'] === 'NewsArticle')).toMatchObject({
      headline: 'Grid connections are the new bottleneck of the energy transition',
      author: [{ '@type': 'Person', name: 'Helen Orvik' }],
      isAccessibleForFree: true,
    });
    expect(data.find((item) => item['@type'] === 'BreadcrumbList').itemListElement).toHaveLength(3);
    const ogImage = await ui.page.locator('meta[property="og:image"]').getAttribute('content');
    const image = await fetch(ogImage!);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(await ui.page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
      `${baseUrl}/articles/grid-connections-new-bottleneck`,
    );
  });

  it('prints without navigation, share links or footer', async () => {
    await ui.page.goto(`${baseUrl}/articles/grid-connections-new-bottleneck`);
    expect(await ui.page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    expect(await ui.page.getByRole('region', { name: 'Share' }).isVisible()).toBe(true);
    expect(await ui.page.getByRole('contentinfo').isVisible()).toBe(true);
    await ui.page.emulateMedia({ media: 'print' });
    expect(await ui.page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await ui.page.getByRole('region', { name: 'Share' }).isVisible()).toBe(false);
    expect(await ui.page.getByRole('contentinfo').isVisible()).toBe(false);
    expect(await ui.page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
  });
});

describe('an excerpt of work published elsewhere', () => {
  it('links to the rest, shows the original date and names the original as canonical', async () => {
    await ui.page.goto(`${baseUrl}/articles/pacific-trade-pact-middle-powers`);
    const link = ui.page.getByRole('link', { name: /Read the rest at The Meridian Review/ });
    const original = 'https://www.meridianreview.example/2026/10/pacific-pact-middle-powers';
    expect(await link.getAttribute('href')).toBe(original);
    expect(await ui.page.locator('link[rel="canonical"]').getAttribute('href')).toBe(original);
    expect(await ui.page.getByText('Originally published in').textContent()).toContain(
      '27 October 2026',
    );
  });
});

describe('a members-only article', () => {
  it('shows the public a teaser with an invitation to log in or join', async () => {
    const response = await ui.page.goto(`${baseUrl}/articles/${membersSlug}`);
    expect(response?.status()).toBe(200);
    expect(await ui.page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'The spending review in five charts',
    );
    expect(await ui.page.getByText('A members’ briefing on where the money goes').count()).toBe(1);
    expect(await ui.page.getByRole('heading', { name: 'This piece is for members' }).count()).toBe(
      1,
    );
    const teaser = ui.page.getByRole('region', { name: 'This piece is for members' });
    expect(await teaser.getByRole('link', { name: 'Members’ log in' }).getAttribute('href')).toBe(
      `/login?callbackUrl=${encodeURIComponent(`/articles/${membersSlug}`)}`,
    );
    expect(await teaser.getByRole('link', { name: 'Become a member' }).getAttribute('href')).toBe(
      `/join?callbackUrl=${encodeURIComponent(`/articles/${membersSlug}`)}`,
    );
  });

  it('keeps the body out of every public surface', async () => {
    const membersTitle = 'The spending review in five charts';
    // Each surface with what shows that it does present the article: one that left the article
    // out altogether would keep its body out too, and prove nothing.
    const surfaces: [string, Record<string, string>, string][] = [
      [`/articles/${membersSlug}`, {}, 'This piece is for members'],
      [`/articles/${membersSlug}`, { RSC: '1' }, 'This piece is for members'],
      ['/', { RSC: '1' }, membersTitle],
      ['/feed.xml', {}, membersTitle],
      ['/series/fiscal-watch/feed.xml', {}, membersTitle],
      ['/experts/helen-orvik/feed.xml', {}, membersTitle],
      ['/people/helen-orvik/feed.xml', {}, membersTitle],
      ['/topics/economy/feed.xml', {}, membersTitle],
      ['/sitemap.xml', {}, `${baseUrl}/articles/${membersSlug}</loc>`],
      ['/search?q=lion%27s+share+efficiency+assumption', {}, 'No results for “lion'],
      ['/search?q=spending+review', {}, `href="/articles/${membersSlug}">${membersTitle}</a></h3>`],
      ['/analysis', {}, membersTitle],
      ['/series/fiscal-watch', {}, membersTitle],
    ];
    for (const [path, headers, shown] of surfaces) {
      const surface = await text(path, headers);
      expect(surface.status, path).toBe(200);
      expect(surface.body, path).toContain(shown);
      for (const sentence of membersBody) expect(surface.body, path).not.toContain(sentence);
    }
    const html = await text(`/articles/${membersSlug}`);
    const ogImage = html.body.match(/<meta property="og:image" content="([^"]+)"/)![1]!;
    const image = await fetch(ogImage.replaceAll('&amp;', '&'));
    expect(image.headers.get('content-type')).toBe('image/png');
    expect((await text('/search?q=lion%27s+share+efficiency+assumption')).body).toContain(
      'No results',
    );
  });
});

describe('listings', () => {
  it('paginate with stable URLs and answer out-of-range pages with 404', async () => {
    await ui.page.goto(`${baseUrl}/analysis`);
    expect(await ui.page.getByRole('heading', { level: 1 }).textContent()).toBe('Analysis');
    expect(await ui.page.getByText('Page 1 of 2', { exact: true }).count()).toBe(1);
    await ui.page.getByRole('link', { name: 'Older →' }).click();
    await ui.page.waitForURL(`${baseUrl}/analysis?page=2`);
    expect(await ui.page.getByText('Page 2 of 2', { exact: true }).count()).toBe(1);
    expect(await ui.page.locator('main article').count()).toBe(4);
    expect((await text('/analysis?page=3')).status).toBe(404);
    // Malformed parameters read as the first page, unfiltered.
    const malformed = await ui.page.goto(`${baseUrl}/analysis?page=abc&kind[]=x`);
    expect(malformed?.status()).toBe(200);
    expect(await ui.page.getByText('Page 1 of 2', { exact: true }).count()).toBe(1);
    expect(await ui.page.locator('main article').count()).toBe(12);
  });

  it('filter by kind', async () => {
    await ui.page.goto(`${baseUrl}/analysis`);
    await ui.page
      .getByRole('navigation', { name: 'Filter by kind' })
      .getByRole('link', { name: 'Report' })
      .click();
    await ui.page.waitForURL(`${baseUrl}/analysis?kind=report`);
    const labels = await ui.page
      .locator('main article p:first-child span:first-child')
      .allTextContents();
    expect(labels).toEqual(['Report', 'Report', 'Report']);
  });

  it('cover series, topics and people', async () => {
    await ui.page.goto(`${baseUrl}/series`);
    await ui.page.getByRole('link', { name: 'The Wren Dispatch' }).click();
    await ui.page.waitForURL(`${baseUrl}/series/the-wren-dispatch`);
    expect(await ui.page.getByText('By Tomasz Wren').count()).toBe(1);
    expect(await ui.page.locator('main article h2').allTextContents()).toEqual([
      'Deterrence on a budget',
      'Europe’s ammunition gap, a year on',
    ]);

    await ui.page.goto(`${baseUrl}/topics`);
    await ui.page.getByRole('link', { name: 'Africa' }).click();
    await ui.page.waitForURL(`${baseUrl}/topics/africa`);
    expect(await ui.page.locator('main article h2').allTextContents()).toEqual([
      'Financing primary care in Africa’s fastest-growing cities',
      'Vaccine manufacturing in Africa: from pledges to plants',
    ]);

    await ui.page.goto(`${baseUrl}/people`);
    await ui.page.getByRole('link', { name: 'Priya Raman' }).click();
    await ui.page.waitForURL(`${baseUrl}/people/priya-raman`);
    expect(await ui.page.getByText('Fellow, Trade and the Asia-Pacific').count()).toBe(1);
    expect(await ui.page.getByRole('img', { name: 'Portrait of Priya Raman' }).count()).toBe(1);
    expect(await ui.page.locator('main article h3').count()).toBeGreaterThanOrEqual(4);
    expect(await ui.page.locator('main article h3').allTextContents()).toEqual(
      expect.arrayContaining([
        'What the Pacific trade pact means for middle powers',
        'Semiconductor subsidies: a race nobody can win alone',
        'Carbon border adjustments: a primer for exporters',
        'Scenarios for the Taiwan Strait in 2030',
      ]),
    );
  });

  it('answer unknown or unpublished slugs with the site’s 404', async () => {
    for (const path of [
      '/articles/no-such-article',
      '/articles/housing-supply-and-the-planning-system',
      '/articles/what-to-watch-at-the-defence-ministerial',
      '/articles/%E2%9C%93%00',
      '/series/nope',
      '/topics/UPPER',
      '/people/nobody',
      '/experts/nobody/feed.xml',
      '/series/nope/feed.xml',
    ]) {
      expect((await text(path)).status, path).toBe(404);
    }
  });
});

describe('search', () => {
  it('finds articles, highlights matches and narrows with a filter', async () => {
    await ui.page.goto(`${baseUrl}/search`);
    await ui.page.getByLabel('Search our work').fill('grid connection');
    await ui.page.getByRole('button', { name: 'Search' }).click();
    await ui.page.waitForURL(/\/search\?q=grid\+connection/);
    const results = ui.page.locator('main ol > li');
    expect(await results.first().locator('h3').textContent()).toBe(
      'Grid connections are the new bottleneck of the energy transition',
    );
    expect(await results.first().locator('mark').count()).toBeGreaterThan(0);

    await ui.page.getByLabel('Kind').selectOption('report');
    await ui.page.getByRole('button', { name: 'Search' }).click();
    await ui.page.waitForURL(/kind=report/);
    // The report on grid connections matches by the text of its PDF; the analysis is gone.
    expect(await ui.page.locator('main ol > li h3').allTextContents()).toEqual([
      'Clearing the queue: connecting clean power to the grid',
    ]);

    await ui.page.getByLabel('Kind').selectOption('analysis');
    await ui.page.getByLabel('Expert').selectOption('helen-orvik');
    await ui.page.getByRole('button', { name: 'Search' }).click();
    await ui.page.waitForURL(/author=helen-orvik/);
    expect(await ui.page.locator('main ol > li h3').allTextContents()).toContain(
      'Grid connections are the new bottleneck of the energy transition',
    );
    expect(ui.errors).toEqual([]);
  });

  it('answers any query string', async () => {
    // What the page says for each: no results for the query as it was read, the invitation to
    // browse for a query that is only a control character, and results where the words match.
    for (const [q, heading] of [
      ['%22unbalanced', 'No results for “"unbalanced”'],
      ['%00', 'Browse instead'],
      ['a%20%26%20%7C%20!', 'No results for “a & | !”'],
      ['%F0%9F%8C%8A', 'No results for “🌊”'],
      ['x'.repeat(10_000), `No results for “${'x'.repeat(200)}”`],
      ['%E0%A4%A', 'No results for “\uFFFD%A”'],
      ['grid%20connection', '2 results for “grid connection”'],
    ] as const) {
      const response = await ui.page.goto(`${baseUrl}/search?q=${q}&page=-1&from=garbage&kind=zzz`);
      expect(response?.status(), q).toBe(200);
      await ui.page.getByRole('heading', { name: heading, exact: true }).waitFor();
    }
    // The malformed filters are dropped, not applied.
    expect(await ui.page.locator('main ol > li h3').allTextContents()).toEqual([
      'Grid connections are the new bottleneck of the energy transition',
      'Clearing the queue: connecting clean power to the grid',
    ]);
  });
});

describe('feeds and discovery', () => {
  it('serve valid RSS with the right items', async () => {
    const site = await text('/feed.xml');
    expect(site.type).toContain('application/rss+xml');
    const siteItems = parseFeed(site.body);
    expect(siteItems).toHaveLength(16);
    expect(siteItems[0]!.title).toBe(
      'Britain’s fiscal rules need a stress test, not another rewrite',
    );
    expect(siteItems[0]!['content:encoded']).toContain('<h2');

    expect(
      parseFeed((await text('/series/the-wren-dispatch/feed.xml')).body).map((item) => item.title),
    ).toEqual(['Deterrence on a budget', 'Europe’s ammunition gap, a year on']);
    expect(parseFeed((await text('/topics/health/feed.xml')).body)).toHaveLength(3);
    const priya = parseFeed((await text('/people/priya-raman/feed.xml')).body);
    expect(priya.map((item) => item.link)).toContain(
      `${baseUrl}/articles/pacific-trade-pact-middle-powers`,
    );
    const members = siteItems.find((item) => item.link.endsWith(membersSlug))!;
    expect(members['content:encoded']).toBeUndefined();
    expect(members.description).toContain('for members');
  });

  it('list live pages in the sitemap and point robots at it', async () => {
    const sitemap = await text('/sitemap.xml');
    expect(XMLValidator.validate(sitemap.body)).toBe(true);
    expect(sitemap.body).toContain(`${baseUrl}/articles/grid-connections-new-bottleneck`);
    expect(sitemap.body).toContain(`${baseUrl}/people/amara-okafor`);
    expect(sitemap.body).not.toContain('housing-supply-and-the-planning-system');
    const robots = await text('/robots.txt');
    expect(robots.body).toContain(`Sitemap: ${baseUrl}/sitemap.xml`);
    await ui.page.goto(`${baseUrl}/series/fiscal-watch`);
    expect(
      await ui.page
        .locator('link[rel="alternate"][type="application/rss+xml"]')
        .getAttribute('href'),
    ).toBe(`${baseUrl}/series/fiscal-watch/feed.xml`);
  });
});

describe('accessibility', () => {
  // Each with a heading the page shows: an error page in its place could be accessible too.
  it.each([
    ['home', '/', 'Britain’s fiscal rules need a stress test, not another rewrite'],
    [
      'an article',
      '/articles/grid-connections-new-bottleneck',
      'Grid connections are the new bottleneck of the energy transition',
    ],
    ['a members-only article', `/articles/${membersSlug}`, 'This piece is for members'],
    ['a listing', '/analysis', 'Analysis'],
    ['a person', '/people/helen-orvik', 'Helen Orvik'],
    ['search results', '/search?q=energy', '2 results for “energy”'],
    ['an empty search', '/search?q=zzzzqqq', 'No results for “zzzzqqq”'],
    ['the 404 page', '/articles/nope', 'We could not find that page'],
  ])('has no serious or critical axe violations on %s', async (_label, path, heading) => {
    await ui.page.goto(`${baseUrl}${path}`);
    await ui.page.getByRole('heading', { name: heading, exact: true }).first().waitFor();
    expect(await seriousViolations(ui.page)).toEqual([]);
  });
});
