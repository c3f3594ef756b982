import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { slugify } from '@/lib/editorial/slugify';
import { readPdf } from '@/lib/publications/pdf';
import { makePdf } from '@/tests/support/pdf';
import { membershipAccounts, testAccounts } from './accounts';
import { launchBrowser } from './chromium';

/*
 * "No leak, proven": a members-only article whose body carries a canary is published through
 * the editor, then everything an anonymous visitor can reach is fetched and grepped for it. The
 * same detector, run as a verified member, must find the canary on the article: a crawl that
 * could not see a leak would prove nothing. A second article, for the members of one tier only,
 * carries a canary of its own: the same crawls, run as a member without a tier and as a member
 * of another tier, must not find it, and run as a member of its tier must.
 */

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;

// Letters only, so that full-text search reads each marker as one plain word.
const run = Date.now()
  .toString(36)
  .replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!);
// The random part is what is looked for: search highlighting may split `CANARY-` from it. It is
// upper case with at least one letter, so that a search for its lower-case spelling (which the
// search page echoes back) can still be told from the body.
const canaryToken = `K${randomBytes(9).toString('hex').toUpperCase()}`;
const canary = `CANARY-${canaryToken}`;
const canaryLower = canary.toLowerCase();
// Words only the body holds, to search for; they are looked for too wherever the request did
// not ask for them. The title and standfirst are public by design.
const bodyWords = [`quorvex${run}`, `plimsade${run}`];
// Found only inside each piece's PDF, with its canary: the PDF's text is searched with the body.
const pdfWord = `vellichor${run}`;
const tierPdfWord = `marrowdene${run}`;
// The tier-only article's own canary and body words.
const tierCanaryToken = `T${randomBytes(9).toString('hex').toUpperCase()}`;
const tierCanary = `CANARY-${tierCanaryToken}`;
const tierBodyWords = [`brindlequay${run}`, `ostrevane${run}`];
const tierNeedles = [tierCanaryToken, ...tierBodyWords, tierPdfWord];
const needles = [canaryToken, ...bodyWords, pdfWord, ...tierNeedles];
const titleWord = `tessaly${run}`;
const title = `Harbour dues and the ${titleWord} briefing`;
const slug = slugify(title);
const articlePath = `/articles/${slug}`;
const standfirst = `What the new harbour dues mean for ${titleWord}, in a note for members.`;
const body = [
  `## Findings on ${canary}`,
  `The first paragraph names ${canary} and the word ${bodyWords[0]} once.`,
  `A second paragraph, about ${bodyWords[1]}, with [a link that says ${canary}](https://example.org/${canary}).`,
  `![A chart of ${canary}](/images/demo/cell-pattern.jpg)`,
  '```',
  `const secret = "${canary}"; // ${bodyWords[0]}`,
  '```',
  `> A quotation that ends with ${canary}.`,
  `| column | value |\n| --- | --- |\n| ${canary} | ${bodyWords[1]} |`,
].join('\n\n');

const tierTitleWord = `corvennic${run}`;
const tierTitle = `Port levies and the ${tierTitleWord} note`;
const tierSlug = slugify(tierTitle);
const tierArticlePath = `/articles/${tierSlug}`;
const tierName = 'Inner Circle';
const otherTierName = 'Outer Circle';
const tierBody = [
  `## For the circle: ${tierCanary}`,
  `Only its members read ${tierCanary}, with ${tierBodyWords[0]} and ${tierBodyWords[1]}.`,
].join('\n\n');

const seriesName = 'Fiscal Watch';
const seriesSlug = 'fiscal-watch';
const topicSlug = 'trade';
const expertSlug = 'amara-okafor';

// Each sign-in counts against a per-address throttle shared by every browser test, so the admin
// and the member sign in once for the whole file. The admin may edit, and unlike the shared
// editor's, the admin's password is not changed by another test file.
type Session = Awaited<ReturnType<BrowserContext['storageState']>>;
let adminSession: Session | undefined;
let memberSession: Session | undefined;
let memberCookie = '';
// The articles' edit pages, to unpublish them afterwards.
let editPage = '';
let tierEditPage = '';
const tierCookies = { insider: '', outsider: '' };
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let published = false;

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto(`${baseUrl}/login?callbackUrl=%2Faccount`);
  await page.getByLabel('E-mail address', { exact: true }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${baseUrl}/account`);
}

async function adminPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(adminSession ? { storageState: adminSession } : {});
  const page = await context.newPage();
  if (!adminSession) {
    await signIn(page, testAccounts.admin);
    adminSession = await context.storageState();
  }
  return { context, page };
}

/**
 * Makes the piece in the editor a report with a PDF, uploaded there, whose text carries the
 * canary and a word found nowhere else.
 */
async function attachPdf(page: Page, text: string) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'no-leak-pdf-'));
  const file = path.join(folder, 'members report.pdf');
  fs.writeFileSync(file, await makePdf([text, 'A second page.']));
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Report' });
  await page.getByLabel('Upload a PDF').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload PDF' }).click();
  await page.getByText(/^Uploaded: members report\.pdf/).waitFor();
  fs.rmSync(folder, { recursive: true, force: true });
}

/** The text of the PDF a reader with the cookie downloads, or the status they were refused with. */
async function pdfFor(address: string, cookie?: string) {
  const response = await fetch(`${baseUrl}${address}`, {
    headers: cookie ? { Cookie: cookie } : {},
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const reading = response.status === 200 ? await readPdf(bytes) : null;
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    raw: bytes.toString('latin1'),
    text: reading?.ok ? reading.text : '',
  };
}

async function publicBody(path: string): Promise<string> {
  return (await fetch(`${baseUrl}${path}`)).text();
}

/**
 * Waits for a public page to show (or stop showing) a text, as revalidation lands. vi.waitFor,
 * not expect.poll, as it also runs in the hooks that seed and clean up.
 */
async function eventually(path: string, text: string, present = true, timeout = 30_000) {
  await vi.waitFor(
    async () => {
      if ((await publicBody(path)).includes(text) !== present) {
        throw new Error(`${path} ${present ? 'does not show' : 'still shows'} “${text}”`);
      }
    },
    { timeout, interval: 500 },
  );
}

// ---------------------------------------------------------------------------------------------
// The crawler
// ---------------------------------------------------------------------------------------------

type Kind =
  | 'html'
  | 'rsc'
  | 'feed'
  | 'sitemap'
  | 'xml'
  | 'text'
  | 'json'
  | 'image'
  | 'static'
  | 'redirect'
  | 'other';

interface Fetched {
  /** The address the crawl asked for; `url` is where the response came from after redirects. */
  requested: string;
  url: string;
  /** The request's variant: `page`, or which React Server Components request Next would make. */
  variant: string;
  status: number;
  kind: Kind;
  contentType: string;
  /** The piece of the body the response (headers or bytes) carried, if any. */
  leaked: string | null;
  /**
   * The response links to the article's address: the crawl reached a surface that lists it. The
   * title word alone would not do, as a search page echoes the query whether it found anything.
   */
  listsArticle: boolean;
}

interface CrawlOptions {
  /** A Cookie header; none for the anonymous crawl. */
  cookie?: string;
  seeds: string[];
  /** Unique URLs to visit at most; React Server Components requests come on top. */
  maxUrls: number;
  followLinks: boolean;
}

interface Crawl {
  fetched: Fetched[];
  /** URLs found but not fetched because the limit was reached. */
  leftOver: number;
}

// Never visited: private areas, and anything that could change state on a GET. Forms are never
// submitted. The auth API's read-only JSON routes are seeded explicitly.
const skippedPaths = [
  /^\/admin(\/|$)/,
  /^\/account(\/|$)/,
  /^\/api\/auth\/(?!(session|csrf|providers)$)/,
  /log-?out|sign-?out/i,
];

const pageAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

// The state tree a browser sends when it navigates from the home page (captured from Chromium).
const homeStateTree = encodeURIComponent(
  JSON.stringify([
    '',
    { children: ['(site)', { children: ['__PAGE__', {}, null, null, 512] }, null, null, 512] },
    null,
    null,
    528,
  ]),
);
// What Next sends to prefetch a dynamic route's metadata only.
const metadataOnlyTree = encodeURIComponent(JSON.stringify(['', {}, null, 'metadata-only']));

/** The React Server Components requests Next's router makes for a page, by name. */
const rscVariants: Record<string, Record<string, string>> = {
  'rsc navigation': { RSC: '1' },
  'rsc navigation from home': {
    RSC: '1',
    'Next-Router-State-Tree': homeStateTree,
    'Next-Url': '/',
  },
  'rsc prefetch': { RSC: '1', 'Next-Router-Prefetch': '1', 'Next-Url': '/' },
  'rsc prefetch, metadata only': {
    RSC: '1',
    'Next-Router-Prefetch': '1',
    'Next-Router-State-Tree': metadataOnlyTree,
    'Next-Url': '/',
  },
  'rsc segment /_tree': {
    RSC: '1',
    'Next-Router-Prefetch': '1',
    'Next-Router-Segment-Prefetch': '/_tree',
    'Next-Url': '/',
  },
};

interface TreeNode {
  s?: unknown;
  c?: unknown;
}

// Next's encoding of a segment into a per-segment prefetch key (segment-value-encoding.js).
function safeSegmentName(value: string): string {
  if (/^[a-zA-Z0-9\-_@]+$/.test(value)) return value;
  return `!${Buffer.from(value).toString('base64url')}`;
}

function segmentKeyPart(segment: unknown): string | null {
  if (typeof segment === 'string') {
    return segment === '/_not-found' ? '_not-found' : safeSegmentName(segment);
  }
  if (segment && typeof segment === 'object' && 'n' in segment && 't' in segment) {
    const { n, t } = segment as { n: unknown; t: unknown };
    if (typeof n === 'string' && typeof t === 'string') return `$${t}$${safeSegmentName(n)}`;
  }
  return null;
}

/**
 * The per-segment prefetch keys of a route, read from its `/_tree` response, so that every
 * segment the router could ask for is fetched and checked too. Rows are `id:json`; a node's
 * children are a `$Q<id>` reference to a row listing `[slot, child]` pairs.
 */
function segmentKeys(treePayload: string): string[] {
  const rows = new Map<string, unknown>();
  for (const line of treePayload.split('\n')) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (!match) continue;
    try {
      rows.set(match[1]!, JSON.parse(match[2]!));
    } catch {
      // Not a JSON row (a hint or a text chunk): it holds no tree.
    }
  }
  const root = (rows.get('0') as { t?: { t?: TreeNode } } | undefined)?.t?.t;
  if (!root) return [];
  const keys = ['/_head'];
  const visit = (node: TreeNode, key: string, depth: number) => {
    keys.push(key === '' ? '/_index' : key);
    const ref = typeof node.c === 'string' && node.c.startsWith('$Q') ? node.c.slice(2) : null;
    const children = ref ? rows.get(ref) : undefined;
    if (!Array.isArray(children) || depth > 20) return;
    for (const entry of children) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string') continue;
      const child = entry[1] as TreeNode;
      const part = segmentKeyPart(child?.s);
      if (part === null) continue;
      const slot = entry[0] === 'children' ? part : `@${safeSegmentName(entry[0])}/${part}`;
      visit(child, `${key}/${slot}`, depth + 1);
    }
  };
  visit(root, '', 0);
  return keys;
}

function classify(url: string, contentType: string, status: number, rsc: boolean): Kind {
  if (status >= 300 && status < 400) return 'redirect';
  if (rsc || contentType.startsWith('text/x-component')) return 'rsc';
  if (new URL(url).pathname.endsWith('sitemap.xml')) return 'sitemap';
  if (contentType.includes('rss+xml') || contentType.includes('atom+xml')) return 'feed';
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.includes('xml')) return 'xml';
  if (contentType.startsWith('text/html')) return 'html';
  if (contentType.includes('json')) return 'json';
  if (/javascript|text\/css|font\//.test(contentType)) return 'static';
  if (contentType.startsWith('text/')) return 'text';
  return 'other';
}

/**
 * Which piece of the body, if any, a response carries in its headers or bytes, in any case
 * (heading ids lower-case it). A request that names a needle itself (a search for it) is
 * answered with the query echoed back: there only the canary's exact upper-case spelling, which
 * the query does not use, counts, and a body word does not count at all.
 */
function leakIn(requestUrl: string, headers: Headers, bytes: Buffer): string | null {
  const asked = safeDecode(requestUrl).toLowerCase();
  const headerText = [...headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  const haystack = `${headerText}\n${bytes.toString('latin1')}`;
  const lowered = haystack.toLowerCase();
  for (const needle of needles) {
    const lower = needle.toLowerCase();
    if (!asked.includes(lower)) {
      if (lowered.includes(lower)) return needle;
    } else if (needle !== lower && haystack.includes(needle)) {
      return needle;
    }
  }
  return null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const decodeEntities = (value: string) =>
  value
    .replaceAll('&amp;', '&')
    .replaceAll('&#x27;', "'")
    .replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"');

/** Every same-origin address a response names: attributes, srcsets, meta, JSON-LD, XML, RSC. */
function linksIn(text: string, kind: Kind): string[] {
  const found: string[] = [];
  if (kind === 'html') {
    for (const match of text.matchAll(/\s(?:href|src|poster)=["']([^"']+)["']/gi)) {
      found.push(decodeEntities(match[1]!));
    }
    // Meta tags hold words as well as addresses: only the addresses are followed.
    for (const match of text.matchAll(/\scontent=["']((?:\/|https?:)[^"']*)["']/gi)) {
      found.push(decodeEntities(match[1]!));
    }
    for (const match of text.matchAll(/\s(?:srcset|imagesrcset)=["']([^"']+)["']/gi)) {
      for (const candidate of decodeEntities(match[1]!).split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) found.push(url);
      }
    }
  }
  if (kind === 'rsc') {
    for (const match of text.matchAll(/"(?:href|src)":"(\/[^"]*)"/g)) found.push(match[1]!);
  }
  if (kind === 'text') {
    // robots.txt: its sitemap, and the paths it allows or disallows.
    for (const match of text.matchAll(/^(?:Sitemap|Allow|Disallow):\s*(\S+)/gim)) {
      found.push(match[1]!);
    }
  }
  // Absolute addresses anywhere: feeds, sitemaps, JSON-LD, Open Graph tags.
  const absolute = new RegExp(
    `${origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^"'<>\\s\\\\(){}]*`,
    'g',
  );
  // Citations end an address with a full stop, BibTeX with a brace.
  for (const match of text.matchAll(absolute)) {
    found.push(decodeEntities(match[0]).replace(/[.,;:]+$/, ''));
  }
  return found;
}

async function crawl({ cookie, seeds, maxUrls, followLinks }: CrawlOptions): Promise<Crawl> {
  const fetched: Fetched[] = [];
  const seen = new Set<string>();
  // Next's image optimiser serves one source at many widths; one width per source is enough.
  const seenImageSources = new Set<string>();
  let frontier: string[] = [];
  let leftOver = 0;
  const baseHeaders: Record<string, string> = cookie ? { Cookie: cookie } : {};

  const enqueue = (raw: string, from: string) => {
    let url: URL;
    try {
      url = new URL(raw, from);
    } catch {
      return;
    }
    if (url.origin !== origin) return;
    url.hash = '';
    if (skippedPaths.some((pattern) => pattern.test(url.pathname))) return;
    if (url.pathname === '/_next/image') {
      const source = url.searchParams.get('url') ?? '';
      if (seenImageSources.has(source)) return;
      seenImageSources.add(source);
    }
    const key = url.toString();
    if (seen.has(key)) return;
    if (seen.size >= maxUrls) {
      leftOver++;
      return;
    }
    seen.add(key);
    frontier.push(key);
  };

  /** Fetches one address, following redirects by hand so that every hop is checked. */
  const get = async (url: string, variant: string, headers: Record<string, string>) => {
    let current = url;
    for (let hop = 0; hop < 5; hop++) {
      const response = await fetch(current, {
        headers: { ...baseHeaders, ...headers },
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      const contentType = response.headers.get('content-type') ?? '';
      const kind = classify(current, contentType, response.status, 'RSC' in headers);
      const text = bytes.toString('utf8');
      fetched.push({
        requested: url,
        url: current,
        variant,
        status: response.status,
        kind,
        contentType,
        leaked: leakIn(current, response.headers, bytes),
        listsArticle: kind !== 'image' && text.includes(articlePath),
      });
      const location = response.headers.get('location');
      if (kind !== 'redirect' || !location) return { kind, text, status: response.status };
      const next = new URL(location, current);
      if (next.origin !== origin) return { kind, text, status: response.status };
      // A page's redirect is a link like any other; an RSC request is re-sent with its headers,
      // as the router does when Next asks for its cache-busting `_rsc` parameter.
      if (variant === 'page') {
        if (followLinks) enqueue(next.toString(), current);
        return { kind, text, status: response.status };
      }
      current = next.toString();
    }
    // Still redirecting after five hops: every hop was checked, and there is nothing to read.
    return { kind: 'redirect' as Kind, text: '', status: 0 };
  };

  const visit = async (url: string) => {
    const page = await get(url, 'page', { Accept: pageAccept });
    if (followLinks) for (const link of linksIn(page.text, page.kind)) enqueue(link, url);
    if (page.kind !== 'html' || page.status !== 200) return;
    for (const [variant, headers] of Object.entries(rscVariants)) {
      const rsc = await get(url, variant, headers);
      if (followLinks) for (const link of linksIn(rsc.text, 'rsc')) enqueue(link, url);
      if (variant !== 'rsc segment /_tree' || rsc.status !== 200) continue;
      for (const key of segmentKeys(rsc.text)) {
        await get(url, `rsc segment ${key}`, {
          RSC: '1',
          'Next-Router-Prefetch': '1',
          'Next-Router-Segment-Prefetch': key,
          'Next-Url': '/',
        });
      }
    }
  };

  for (const seed of seeds) enqueue(seed, baseUrl);
  // Breadth first, a few requests at a time: the server has one embedded database connection.
  while (frontier.length > 0) {
    const level = frontier;
    frontier = [];
    let index = 0;
    const worker = async () => {
      while (index < level.length) await visit(level[index++]!);
    };
    await Promise.all(Array.from({ length: 6 }, worker));
  }
  return { fetched, leftOver };
}

function summarise(label: string, result: Crawl): string {
  const pages = new Map<string, number>();
  const rsc = new Map<string, number>();
  let hops = 0;
  for (const item of result.fetched) {
    // A redirect is counted as a hop; the address it leads to is counted by its own kind.
    if (item.kind === 'redirect' && item.variant !== 'page') hops++;
    else if (item.variant === 'page') pages.set(item.kind, (pages.get(item.kind) ?? 0) + 1);
    else {
      const name = item.variant.startsWith('rsc segment /') ? 'rsc segments' : item.variant;
      rsc.set(name, (rsc.get(name) ?? 0) + 1);
    }
  }
  const urls = new Set(result.fetched.map((item) => item.requested));
  const list = (counts: Map<string, number>) =>
    [...counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
  return [
    `${label}: ${result.fetched.length} responses from ${urls.size} addresses` +
      (result.leftOver ? `, ${result.leftOver} more found past the limit` : ''),
    `  addresses by kind: ${list(pages)}`,
    `  React Server Components payloads: ${list(rsc)} (and ${hops} redirects to add \`_rsc\`)`,
    `  responses naming the article: ${result.fetched.filter((item) => item.listsArticle).length}`,
    `  responses carrying the body: ${result.fetched.filter((item) => item.leaked).length}`,
  ].join('\n');
}

const leaks = (result: Crawl) =>
  result.fetched
    .filter((item) => item.leaked)
    .map((item) => `${item.leaked} in ${item.variant} ${item.status} ${item.url}`);

// ---------------------------------------------------------------------------------------------
// Seeding and cleaning up
// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  browser = await launchBrowser();
  const { context, page } = await adminPage();
  await page.goto(`${baseUrl}/admin/articles/new`);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Standfirst', { exact: true }).fill(standfirst);
  await page.getByRole('radio', { name: /^Members only/ }).check();
  await page.getByLabel('Series', { exact: true }).selectOption({ label: seriesName });
  await page.getByLabel('Body', { exact: true }).fill(body);
  await page.getByLabel('Add an author').selectOption({ label: 'Amara Okafor' });
  await page.getByRole('button', { name: 'Add to byline' }).click();
  await page
    .getByRole('group', { name: 'Topics' })
    .getByRole('checkbox', { name: 'Trade' })
    .check();
  await page
    .getByRole('group', { name: 'Regions' })
    .getByRole('checkbox', { name: 'Europe' })
    .check();
  await page
    .getByRole('radio', { name: 'Golden arcs joining points scattered across a night-blue field' })
    .check();
  await attachPdf(page, `Members report: ${canary} and ${pdfWord} inside the PDF.`);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.waitForURL(/\/admin\/articles\/[0-9a-f-]{36}\?created=1$/);
  await page.getByText('Draft saved.').waitFor();
  editPage = page.url().replace(/\?.*$/, '');
  // Set before the click: should the confirmation not come, the clean-up still unpublishes.
  published = true;
  await page.getByRole('button', { name: 'Publish now' }).click();
  await page.getByText('Published: the article is on the site now.').waitFor();
  await context.close();

  // Every listing the crawl starts from must show the article before it starts, or a clean
  // result would only say that the crawl came too early.
  await eventually(articlePath, title);
  for (const path of [
    '/',
    '/analysis',
    '/feed.xml',
    '/sitemap.xml',
    `/series/${seriesSlug}`,
    `/series/${seriesSlug}/feed.xml`,
    `/topics/${topicSlug}`,
    `/topics/${topicSlug}/feed.xml`,
    `/people/${expertSlug}`,
    `/people/${expertSlug}/feed.xml`,
  ]) {
    await eventually(path, path === '/sitemap.xml' ? `${articlePath}</loc>` : titleWord);
  }

  await publishTierPiece();
  await eventually(tierArticlePath, tierTitle);
  await eventually(`/series/${seriesSlug}`, tierTitleWord);

  const member = await browser.newContext();
  await signIn(await member.newPage(), testAccounts.member);
  memberSession = await member.storageState();
  memberCookie = await cookieOf(member);
  await member.close();
  for (const name of ['insider', 'outsider'] as const) {
    const context = await browser.newContext();
    await signIn(await context.newPage(), membershipAccounts[name]);
    tierCookies[name] = await cookieOf(context);
    await context.close();
  }
}, 240_000);

async function cookieOf(context: BrowserContext): Promise<string> {
  return (await context.cookies(baseUrl))
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join('; ');
}

/**
 * Two hidden tiers, a piece for the first only, published through the editor, and each tier
 * given to one member by the admin.
 */
async function publishTierPiece() {
  const { context, page } = await adminPage();
  for (const name of [tierName, otherTierName]) {
    await page.goto(`${baseUrl}/admin/membership/new`);
    await page.getByLabel('Name', { exact: true }).fill(name);
    const shown = page.getByRole('checkbox', { name: 'Shown on the membership page' });
    if (await shown.isChecked()) await shown.click();
    await page.getByRole('button', { name: 'Create tier' }).click();
    await page.getByRole('status').getByText('Tier created.').waitFor();
  }
  await page.goto(`${baseUrl}/admin/articles/new`);
  await page.getByLabel('Title', { exact: true }).fill(tierTitle);
  await page.getByLabel('Standfirst', { exact: true }).fill(`A note on ${tierTitleWord}.`);
  await page.getByRole('radio', { name: /^Members of chosen tiers/ }).check();
  await page
    .getByRole('group', { name: 'Tiers' })
    .getByRole('checkbox', { name: tierName })
    .check();
  await page.getByLabel('Series', { exact: true }).selectOption({ label: seriesName });
  await page.getByLabel('Body', { exact: true }).fill(tierBody);
  await page.getByLabel('Add an author').selectOption({ label: 'Amara Okafor' });
  await page.getByRole('button', { name: 'Add to byline' }).click();
  await attachPdf(page, `Tier report: ${tierCanary} and ${tierPdfWord} inside the PDF.`);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.waitForURL(/\/admin\/articles\/[0-9a-f-]{36}\?created=1$/);
  tierEditPage = page.url().replace(/\?.*$/, '');
  await page.getByRole('button', { name: 'Publish now' }).click();
  await page.getByText('Published: the article is on the site now.').waitFor();
  await page.goto(`${baseUrl}/admin/membership/members`);
  for (const [account, tier] of [
    [membershipAccounts.insider, tierName],
    [membershipAccounts.outsider, otherTierName],
  ] as const) {
    await page.getByLabel('Member’s e-mail address').fill(account.email);
    await page.getByLabel('Tier', { exact: true }).last().selectOption({ label: tier });
    await page.getByLabel('Note').fill('For the no-leak crawl');
    await page.getByRole('button', { name: 'Give membership' }).click();
    await page.getByText(`Membership given to ${account.email}.`).waitFor();
  }
  await context.close();
}

afterAll(async () => {
  if (published) {
    const { context, page } = await adminPage();
    for (const edit of [editPage, tierEditPage].filter(Boolean)) {
      await page.goto(edit);
      const unpublish = page.getByRole('button', { name: 'Unpublish' });
      if ((await unpublish.count()) > 0) {
        await unpublish.click();
        await page.getByText(/^Unpublished: the article is a draft again/).waitFor();
      }
    }
    await context.close();
    // The test files after this one expect the public site as the seed left it.
    for (const path of [
      '/',
      '/analysis',
      '/feed.xml',
      '/sitemap.xml',
      `/series/${seriesSlug}`,
      `/topics/${topicSlug}`,
      `/people/${expertSlug}`,
    ]) {
      await eventually(path, titleWord, false, 70_000);
      await eventually(path, tierTitleWord, false, 70_000);
    }
  }
  await browser?.close();
}, 240_000);

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

const searches = [
  `/search?q=${bodyWords.join('+')}`,
  ...bodyWords.map((word) => `/search?q=${word}`),
  // Lower case: the page echoes the query, and only the upper-case canary counts as a leak.
  `/search?q=${encodeURIComponent(canaryLower)}`,
  `/search?q=${encodeURIComponent(`"${canaryLower}"`)}`,
  `/search?q=${canaryToken.toLowerCase()}`,
  `/search?q=${titleWord}`,
  ...tierBodyWords.map((word) => `/search?q=${word}`),
  `/search?q=${tierTitleWord}`,
];

const jsonRoutes = [
  '/api/health',
  '/api/auth/session',
  '/api/auth/csrf',
  '/api/auth/providers',
  '/api/account/export',
  // Takes POSTs only; a GET is answered without reading anything.
  '/api/stripe/webhook',
];

describe('a members-only body', () => {
  it('reaches no anonymous visitor: pages, RSC payloads, feeds, search, sitemap, images, JSON', async () => {
    const started = Date.now();
    const result = await crawl({
      seeds: [
        '/',
        '/sitemap.xml',
        '/robots.txt',
        '/feed.xml',
        articlePath,
        `${articlePath}/pdf`,
        `/members-view/${slug}`,
        tierArticlePath,
        `${tierArticlePath}/pdf`,
        `/members-view/${tierSlug}`,
        `/series/${seriesSlug}/feed.xml`,
        `/topics/${topicSlug}/feed.xml`,
        `/people/${expertSlug}/feed.xml`,
        ...searches,
        ...jsonRoutes,
      ],
      maxUrls: 450,
      followLinks: true,
    });
    console.log(`${summarise('Anonymous crawl', result)}\n  took ${Date.now() - started} ms`);
    expect(leaks(result)).toEqual([]);

    // The crawl reached every surface that names the article, so it would have seen a leak there.
    const naming = new Set(
      result.fetched
        .filter((item) => item.listsArticle)
        .map(
          (item) =>
            `${item.variant} ${new URL(item.requested).pathname}${new URL(item.requested).search}`,
        ),
    );
    for (const surface of [
      'page /',
      'page /sitemap.xml',
      'page /analysis',
      'page /feed.xml',
      `page /series/${seriesSlug}`,
      `page /series/${seriesSlug}/feed.xml`,
      `page /topics/${topicSlug}`,
      `page /topics/${topicSlug}/feed.xml`,
      `page /people/${expertSlug}`,
      `page /people/${expertSlug}/feed.xml`,
      `page ${articlePath}`,
      `page /members-view/${slug}`,
      `page /search?q=${titleWord}`,
    ]) {
      expect(naming, surface).toContain(surface);
    }
    const ofArticle = result.fetched.filter(
      (item) => new URL(item.requested).pathname === articlePath,
    );
    expect(
      ofArticle.filter((item) => item.kind === 'rsc' && item.status === 200).length,
    ).toBeGreaterThanOrEqual(Object.keys(rscVariants).length);
    expect(ofArticle.some((item) => item.variant.startsWith('rsc segment /!'))).toBe(true);
    const ogImages = result.fetched.filter((item) =>
      new URL(item.url).pathname.startsWith(`${articlePath}/opengraph-image`),
    );
    expect(ogImages.map((item) => [item.status, item.contentType])).toContainEqual([
      200,
      'image/png',
    ]);
    for (const route of jsonRoutes) {
      expect(result.fetched.map((item) => new URL(item.requested).pathname)).toContain(route);
    }
    const tierPage = result.fetched.find(
      (item) => item.variant === 'page' && new URL(item.requested).pathname === tierArticlePath,
    );
    expect(tierPage?.status).toBe(200);
    expect(result.leftOver).toBe(0);
  }, 300_000);

  it('shows an anonymous reader a teaser, finds nothing in search, and keeps Open Graph tags clean', async () => {
    const html = await publicBody(articlePath);
    expect(html).toContain('This piece is for members');
    expect(html).toContain(standfirst);
    const meta = [
      ...html.matchAll(/<meta\s+(?:property|name)="((?:og|twitter):[^"]+)"\s+content="([^"]*)"/g),
    ];
    const images = meta.filter(([, name]) => /^(og|twitter):image$/.test(name!));
    expect(images.length).toBeGreaterThanOrEqual(1);
    for (const [, name, content] of meta) {
      expect(content!.toLowerCase(), name).not.toContain(canaryToken.toLowerCase());
    }
    for (const [, , content] of images) {
      const image = await fetch(decodeEntities(content!));
      expect(image.headers.get('content-type')).toBe('image/png');
      const bytes = Buffer.from(await image.arrayBuffer());
      expect(leakIn(image.url, image.headers, bytes)).toBe(null);
    }
    for (const word of bodyWords) {
      expect(await publicBody(`/search?q=${word}`)).toContain(`No results for “${word}”`);
    }
    expect(await publicBody(`/search?q=${encodeURIComponent(canaryLower)}`)).toContain(
      'No results for',
    );
    // The same search finds the article by its public title, so the empty answers above are not
    // those of a search that finds nothing at all.
    expect(await publicBody(`/search?q=${titleWord}`)).toMatch(
      new RegExp(`<h3[^>]*><a[^>]*href="${articlePath}"[^>]*>${title}</a></h3>`),
    );
    // A forged session cookie routes the request to the per-reader view, which must still see
    // an anonymous reader.
    for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
      const forged = await fetch(`${baseUrl}${articlePath}`, {
        headers: { ...headers, Cookie: 'authjs.session-token=forged' },
      });
      expect(forged.status).toBe(200);
      const bytes = Buffer.from(await forged.arrayBuffer());
      expect(leakIn(forged.url, forged.headers, bytes)).toBe(null);
      expect(bytes.toString('utf8')).toContain(title);
      expect(bytes.toString('utf8')).toContain('This piece is for members');
    }
  }, 60_000);

  it('is absent from everything an anonymous browser loads, prefetches and navigations included', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const loaded: { url: string; leaked: string | null }[] = [];
    const pending: Promise<void>[] = [];
    let replayed = 0;
    page.on('response', (response) => {
      pending.push(
        (async () => {
          // The router stops reading some prefetch streams once it has what it needs, and then
          // the browser never hands over their bodies: those requests are replayed, headers and
          // all, so that what the server sent is checked all the same.
          let bytes = await Promise.race([
            response.body().catch(() => null),
            new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000)),
          ]);
          let headers = new Headers(await response.allHeaders());
          const redirect = response.status() >= 300 && response.status() < 400;
          if (bytes === null && !redirect) {
            replayed++;
            const headersSent = await response.request().allHeaders();
            const replay = await fetch(response.url(), {
              headers: Object.fromEntries(
                Object.entries(headersSent).filter(([name]) => !name.startsWith(':')),
              ),
            });
            headers = replay.headers;
            bytes = Buffer.from(await replay.arrayBuffer());
          }
          loaded.push({
            url: response.url(),
            leaked: leakIn(response.url(), headers, bytes ?? Buffer.alloc(0)),
          });
        })(),
      );
    });
    for (const path of [
      '/',
      `/series/${seriesSlug}`,
      `/topics/${topicSlug}`,
      `/people/${expertSlug}`,
      `/search?q=${bodyWords[0]}`,
    ]) {
      await page.goto(`${baseUrl}${path}`);
      // Links prefetch as they scroll into view.
      await page.mouse.wheel(0, 20_000);
      await page.waitForLoadState('networkidle');
    }
    // A client-side navigation into the article, as a reader clicking through would make.
    await page.goto(`${baseUrl}/series/${seriesSlug}`);
    await page.getByRole('link', { name: title }).first().click();
    await page.waitForURL(`${baseUrl}${articlePath}`);
    await page.getByRole('heading', { name: 'This piece is for members' }).waitFor();
    await page.waitForTimeout(1000);
    expect(await page.content()).not.toContain(canary);
    await Promise.all(pending);
    await context.close();
    console.log(
      `Anonymous browser: ${loaded.length} responses checked, ${replayed} of them replayed by fetch`,
    );
    expect(
      loaded.filter((item) => item.leaked).map((item) => `${item.leaked} in ${item.url}`),
    ).toEqual([]);
    expect(loaded.some((item) => item.url.includes(`${articlePath}?_rsc=`))).toBe(true);
  }, 90_000);

  it('is found by the same crawl for a verified member, on the article alone', async () => {
    expect(memberCookie).toContain('authjs.session-token');
    const result = await crawl({
      cookie: memberCookie,
      seeds: [
        articlePath,
        `/members-view/${slug}`,
        '/feed.xml',
        `/series/${seriesSlug}`,
        ...searches,
      ],
      maxUrls: 40,
      followLinks: false,
    });
    console.log(summarise('Member crawl', result));
    const found = new Set(
      result.fetched
        .filter((item) => item.leaked)
        .map((item) => `${item.variant} ${new URL(item.requested).pathname}`),
    );
    // The detector sees the body where the member may read it: the page and its RSC payload...
    for (const variant of ['page', 'rsc navigation', 'rsc navigation from home']) {
      expect(found, variant).toContain(`${variant} ${articlePath}`);
      expect(found, variant).toContain(`${variant} /members-view/${slug}`);
    }
    // ...and in the member's own search results, which match and quote members-only bodies;
    // nowhere else: feeds and listings stay the public ones for members too.
    for (const item of found) {
      expect(item).toMatch(new RegExp(`(${articlePath}|/members-view/${slug}| /search)$`));
    }
    // A member without a tier reads no tier-only body.
    expect(result.fetched.filter((item) => tierNeedles.includes(item.leaked ?? ''))).toEqual([]);

    // A member's search finds the article by a word of its body and quotes the passage.
    const bodySearch = await fetch(`${baseUrl}/search?q=${bodyWords[0]}`, {
      headers: { Cookie: memberCookie },
    });
    expect(bodySearch.status).toBe(200);
    const bodyResults = await bodySearch.text();
    expect(bodyResults).toContain(title);
    expect(bodyResults).not.toMatch(/No results for/);
    expect(bodyResults).toMatch(new RegExp(`<mark[^>]*>${bodyWords[0]}</mark>`));

    // And a member's browser shows it in every form the body put it in.
    const context = await browser.newContext({ storageState: memberSession });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${articlePath}`);
    const article = page.locator('main article');
    await article.getByRole('heading', { level: 2, name: `Findings on ${canary}` }).waitFor();
    expect(await article.getByText(`The first paragraph names ${canary}`).count()).toBe(1);
    expect(await article.getByRole('link', { name: `a link that says ${canary}` }).count()).toBe(1);
    expect(await article.getByRole('img', { name: `A chart of ${canary}` }).count()).toBe(1);
    expect(await article.locator('pre code').textContent()).toContain(`"${canary}"`);
    expect(await page.getByText('This piece is for members').count()).toBe(0);
    await context.close();
  }, 120_000);
});

// The seeds of a tier-only crawl: the piece, everything that lists it, and searches for its body.
const tierSeeds = [
  tierArticlePath,
  `/members-view/${tierSlug}`,
  '/',
  '/analysis',
  '/feed.xml',
  `/series/${seriesSlug}`,
  `/series/${seriesSlug}/feed.xml`,
  `/people/${expertSlug}`,
  ...tierBodyWords.map((word) => `/search?q=${word}`),
  `/search?q=${tierTitleWord}`,
];

const tierLeaks = (result: Crawl) =>
  result.fetched
    .filter((item) => tierNeedles.includes(item.leaked ?? ''))
    .map((item) => `${item.variant} ${new URL(item.requested).pathname}`);

describe('a members-only PDF', () => {
  it('is refused to anonymous readers and unsearchable by them; a member downloads it, canary and all', async () => {
    for (const address of [`${articlePath}/pdf`, `${articlePath}/pdf?v=0`]) {
      const anonymous = await pdfFor(address);
      expect(anonymous.status).toBe(403);
      expect(anonymous.cacheControl).toBe('private, no-store');
      expect(anonymous.raw).not.toContain(canaryToken);
    }
    expect(await publicBody(`/search?q=${pdfWord}`)).toContain(`No results for “${pdfWord}”`);

    const member = await pdfFor(`${articlePath}/pdf`, memberCookie);
    expect(member.status).toBe(200);
    expect(member.cacheControl).toBe('private, no-store');
    expect(member.text).toContain(canary);
    const search = await fetch(`${baseUrl}/search?q=${pdfWord}`, {
      headers: { Cookie: memberCookie },
    });
    expect(await search.text()).toContain(`href="${articlePath}"`);
  });

  it('of a tier-only piece is refused to members outside the tier, and read by its members', async () => {
    for (const cookie of [undefined, memberCookie, tierCookies.outsider]) {
      const refused = await pdfFor(`${tierArticlePath}/pdf`, cookie);
      expect(refused.status).toBe(403);
      expect(refused.raw).not.toContain(tierCanaryToken);
      const search = await fetch(`${baseUrl}/search?q=${tierPdfWord}`, {
        headers: cookie ? { Cookie: cookie } : {},
      });
      expect(await search.text()).not.toContain(`href="${tierArticlePath}"`);
    }
    expect((await pdfFor(`${tierArticlePath}/pdf`, tierCookies.insider)).text).toContain(
      tierCanary,
    );
  });
});

describe('a tier-only body', () => {
  it('reaches no member outside its tier: a free member, or a member of another tier', async () => {
    for (const cookie of [memberCookie, tierCookies.outsider]) {
      expect(cookie).toContain('authjs.session-token');
      const result = await crawl({ cookie, seeds: tierSeeds, maxUrls: 60, followLinks: false });
      console.log(summarise('Crawl outside the tier', result));
      expect(tierLeaks(result)).toEqual([]);
      const page = await fetch(`${baseUrl}${tierArticlePath}`, { headers: { Cookie: cookie } });
      const html = await page.text();
      // Its tiers are hidden, by invitation: the teaser does not name them.
      expect(html).toContain('This piece is for invited members');
      expect(html).not.toContain(tierName);
      expect(html).toContain('href="/membership"');
    }
  }, 180_000);

  it('is found by the same crawl for a member of its tier, on the piece alone', async () => {
    const result = await crawl({
      cookie: tierCookies.insider,
      seeds: tierSeeds,
      maxUrls: 60,
      followLinks: false,
    });
    console.log(summarise('Crawl inside the tier', result));
    const found = new Set(tierLeaks(result));
    for (const variant of ['page', 'rsc navigation']) {
      expect(found, variant).toContain(`${variant} ${tierArticlePath}`);
      expect(found, variant).toContain(`${variant} /members-view/${tierSlug}`);
    }
    for (const item of found) {
      expect(item).toMatch(new RegExp(`(${tierArticlePath}|/members-view/${tierSlug}| /search)$`));
    }
    // Listings mark the piece for paid members, for everyone.
    expect(await publicBody(`/series/${seriesSlug}`)).toContain('Paid members');
  }, 180_000);
});
