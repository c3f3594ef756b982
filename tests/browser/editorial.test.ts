import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { slugify } from '@/lib/editorial/slugify';
import { testAccounts } from './accounts';
import { seriousViolations } from './axe';
import { browserPagePerTest, watchForErrors } from './chromium';
import { inbox, linkIn } from './mail-catcher';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');
const ui = browserPagePerTest();

// Letters only, so that full-text search reads each marker as one plain word.
const run = Date.now()
  .toString(36)
  .replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!);
let serial = 0;
const unique = (label: string) => `${label}${run}${'abcdefghij'[serial++ % 10]}${serial}`;

type Role = 'editor' | 'admin' | 'member';

// The shared editor account's password is changed by the members' tests, which may run first,
// so these tests use an editor of their own, promoted by the admin in beforeAll.
const accounts: Record<Role, { email: string; password: string }> = {
  editor: { email: `desk.${run}@example.org`, password: 'a long editorial passphrase' },
  admin: testAccounts.admin,
  member: testAccounts.member,
};

type Session = Awaited<ReturnType<BrowserContext['storageState']>>;
const sessions = new Map<Role, Session>();
const contexts: BrowserContext[] = [];

async function logIn(page: Page, role: Role) {
  await page.goto(`${baseUrl}/login?callbackUrl=%2Faccount`);
  await page.getByLabel('E-mail address', { exact: true }).fill(accounts[role].email);
  await page.getByLabel('Password', { exact: true }).fill(accounts[role].password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${baseUrl}/account`);
}

/**
 * A page signed in as the role, in a context of its own. Each role logs in once per file: the
 * sign-in throttle counts every attempt from one address, and all the browser tests share one.
 */
async function pageAs(role: Role): Promise<Page> {
  let session = sessions.get(role);
  if (!session) {
    const context = await ui.browser.newContext();
    await logIn(await context.newPage(), role);
    session = await context.storageState();
    sessions.set(role, session);
    await context.close();
  }
  const context = await ui.browser.newContext({ storageState: session });
  contexts.push(context);
  return context.newPage();
}

/** A page for a reader who is not signed in, so the public, cached article page is served. */
async function anonymousPage(): Promise<Page> {
  const context = await ui.browser.newContext();
  contexts.push(context);
  return context.newPage();
}

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

beforeAll(async () => {
  const joining = await anonymousPage();
  await joining.goto(`${baseUrl}/join`);
  await joining.getByLabel('Name').fill('Desk Editor');
  await joining.getByLabel('E-mail address', { exact: true }).fill(accounts.editor.email);
  await joining.getByLabel('Password', { exact: true }).fill(accounts.editor.password);
  await joining.getByRole('checkbox', { name: /privacy notice/ }).check();
  const received = inbox(mailDir);
  await joining.getByRole('button', { name: 'Join' }).click();
  await joining.getByRole('heading', { name: 'Check your inbox' }).waitFor();
  const verification = await received.next(accounts.editor.email, { subject: 'Verify' });
  await joining.goto(linkIn(verification.text, 'verify-email'));
  await joining.getByRole('button', { name: 'Verify my e-mail address' }).click();
  await joining.waitForURL(`${baseUrl}/account?welcome=1`);

  const admin = await pageAs('admin');
  await admin.goto(`${baseUrl}/admin/members?q=${encodeURIComponent(accounts.editor.email)}`);
  await admin.getByLabel(`Role of ${accounts.editor.email}`).selectOption('editor');
  await admin.getByRole('button', { name: 'Save' }).click();
  await admin.getByText('Role changed.').waitFor();
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function publicText(path: string) {
  const response = await fetch(`${baseUrl}${path}`);
  return { status: response.status, body: await response.text() };
}

/** Waits for a public page to show a change: no rebuild, only the cache revalidated by the save. */
async function eventually(path: string, expected: string, present = true) {
  const poll = expect.poll(async () => (await publicText(path)).body, {
    timeout: 20_000,
    interval: 500,
  });
  if (present) await poll.toContain(expected);
  else await poll.not.toContain(expected);
}

interface Draft {
  title: string;
  body: string;
  standfirst?: string;
  authors?: string[];
}

/** Writes a new article and saves it as a draft; returns the address of its edit page. */
async function writeDraft(page: Page, draft: Draft): Promise<string> {
  await page.goto(`${baseUrl}/admin/articles/new`);
  await page.getByLabel('Title', { exact: true }).fill(draft.title);
  await page
    .getByLabel('Standfirst', { exact: true })
    .fill(draft.standfirst ?? 'A standfirst for the test.');
  await page.getByLabel('Body', { exact: true }).fill(draft.body);
  for (const name of draft.authors ?? ['Amara Okafor']) {
    await page.getByLabel('Add an author').selectOption({ label: name });
    await page.getByRole('button', { name: 'Add to byline' }).click();
  }
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.waitForURL(/\/admin\/articles\/[0-9a-f-]{36}\?created=1$/);
  await page.getByText('Draft saved.').waitFor();
  return page.url().replace(/\?.*$/, '');
}

// Edit pages of the articles this file published: taken down again at the end, so the test
// files after this one find the public site as the seed left it.
const publishedHere = new Map<string, string>();

async function publish(page: Page) {
  await page.getByRole('button', { name: 'Publish now' }).click();
  await page.getByText('Published: the article is on the site now.').waitFor();
  publishedHere.set(
    page.url().replace(/\?.*$/, ''),
    await page.getByLabel('Title', { exact: true }).inputValue(),
  );
}

// expect.poll works only inside a test, so the clean-up polls by hand.
async function waitUntilGone(path: string, text: string) {
  const deadline = Date.now() + 70_000;
  while ((await publicText(path)).body.includes(text)) {
    if (Date.now() > deadline) throw new Error(`${path} still shows "${text}" after 70 s`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

afterAll(async () => {
  const page = await pageAs('editor');
  for (const [editPage, title] of publishedHere) {
    await page.goto(editPage);
    const unpublish = page.getByRole('button', { name: 'Unpublish' });
    if ((await unpublish.count()) > 0) {
      await unpublish.click();
      await page.getByText(/^Unpublished: the article is a draft again/).waitFor();
    }
    for (const path of ['/', '/analysis', '/feed.xml']) await waitUntilGone(path, title);
  }
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function saveEdit(page: Page, button = 'Save') {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByText('Saved.', { exact: true }).waitFor();
}

describe('writing and publishing an article', () => {
  it('is previewed, saved as a draft, published, and then found all over the public site', async () => {
    const page = await pageAs('editor');
    const errors = watchForErrors(page);
    const word = unique('quillon');
    const title = `Harbour tariffs and the ${word} question`;
    const slug = slugify(title);

    await page.goto(`${baseUrl}/admin/articles/new`);
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page
      .getByLabel('Standfirst', { exact: true })
      .fill('Ports are the new front line of trade policy.');
    await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Commentary' });
    await page
      .getByLabel('Body', { exact: true })
      .fill(
        `## Findings\n\nThe **decisive** factor is the ${word} clause.\n\n- first point\n- second point\n\n[A source](https://example.org/source)`,
      );
    const preview = page.getByTestId('article-preview');
    await expect
      .poll(() => preview.innerHTML(), { timeout: 10_000 })
      .toContain('<strong>decisive</strong>');
    expect(await preview.getByRole('heading', { level: 2, name: 'Findings' }).count()).toBe(1);
    expect(await preview.getByRole('link', { name: 'A source' }).getAttribute('rel')).toBe(
      'noopener noreferrer',
    );

    for (const name of ['Amara Okafor', 'Helen Orvik']) {
      await page.getByLabel('Add an author').selectOption({ label: name });
      await page.getByRole('button', { name: 'Add to byline' }).click();
    }
    await page.getByRole('button', { name: 'Move Helen Orvik up' }).click();
    const byline = page
      .getByRole('group', { name: 'Authors, in byline order' })
      .getByRole('listitem');
    expect(await byline.allTextContents()).toEqual([
      expect.stringContaining('Helen Orvik'),
      expect.stringContaining('Amara Okafor'),
    ]);
    await page
      .getByRole('group', { name: 'Topics' })
      .getByRole('checkbox', { name: 'Trade' })
      .check();
    await page
      .getByRole('group', { name: 'Regions' })
      .getByRole('checkbox', { name: 'Europe' })
      .check();
    await page
      .getByRole('radio', {
        name: 'Golden arcs joining points scattered across a night-blue field',
      })
      .check();
    expect(
      await page.getByLabel('Description for people who cannot see it (alt text)').inputValue(),
    ).toBe('Golden arcs joining points scattered across a night-blue field');
    await page.getByLabel('Caption').fill(`Shipping lanes, ${word}`);

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/admin\/articles\/[0-9a-f-]{36}\?created=1$/);
    await page.getByText('Draft saved.').waitFor();
    expect((await publicText(`/articles/${slug}`)).status).toBe(404);
    expect((await publicText(`/search?q=${word}`)).body).not.toContain(title);

    await publish(page);
    expect(await page.getByRole('link', { name: 'View on the site' }).getAttribute('href')).toBe(
      `/articles/${slug}`,
    );
    await eventually(
      `/articles/${slug}`,
      `The <strong>decisive</strong> factor is the ${word} clause.`,
    );
    expect((await publicText(`/articles/${slug}`)).body).toContain(`Shipping lanes, ${word}`);
    await eventually('/', title);
    await eventually('/analysis', title);
    await eventually('/feed.xml', title);
    await eventually('/sitemap.xml', `/articles/${slug}</loc>`);
    await eventually(`/search?q=${word}`, title);

    await page.reload();
    expect(await byline.allTextContents()).toEqual([
      expect.stringContaining('Helen Orvik'),
      expect.stringContaining('Amara Okafor'),
    ]);
    expect(errors).toEqual([]);
  });

  it('shows an edit on the public article page without a rebuild, and takes it down on unpublish', async () => {
    const page = await pageAs('editor');
    const title = `Grid queues ${unique('grid')}`;
    const slug = slugify(title);
    await writeDraft(page, { title, body: 'The first wording of the argument.' });
    await publish(page);
    await eventually(`/articles/${slug}`, 'The first wording of the argument.');

    await page.getByLabel('Body', { exact: true }).fill('The second, corrected wording.');
    await saveEdit(page);
    await eventually(`/articles/${slug}`, 'The second, corrected wording.');
    await eventually(`/articles/${slug}`, 'The first wording of the argument.', false);

    await page.getByRole('button', { name: 'Unpublish' }).click();
    await page.getByText(/^Unpublished: the article is a draft again/).waitFor();
    await expect
      .poll(async () => (await publicText(`/articles/${slug}`)).status, { timeout: 20_000 })
      .toBe(404);
    await eventually('/feed.xml', title, false);
  });

  it('restores an earlier revision as a new version', async () => {
    const page = await pageAs('editor');
    const title = `Revision trail ${unique('rev')}`;
    await writeDraft(page, { title, body: 'Version one of the text.' });
    await page.getByLabel('Body', { exact: true }).fill('Version two of the text.');
    await saveEdit(page, 'Save draft');

    const revisions = page.getByRole('region', { name: 'Revisions' });
    expect(await revisions.getByRole('row').count()).toBe(3);
    expect(await revisions.getByText('Current version').count()).toBe(1);
    // Restoring asks first: a keyboard user opens the question, cancels, and is back where they were.
    await revisions.getByRole('button', { name: 'Restore this version… (version 1)' }).focus();
    await page.keyboard.press('Enter');
    const confirm = revisions.getByRole('button', { name: 'Yes, restore version 1' });
    await confirm.waitFor();
    expect(await confirm.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await confirm.getAttribute('aria-describedby')).not.toBeNull();
    await revisions.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe('Restore this version… (version 1)');
    expect(await revisions.getByRole('row').count()).toBe(3);

    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Version 1 restored as version 3.').waitFor();
    expect(await page.getByLabel('Body', { exact: true }).inputValue()).toBe(
      'Version one of the text.',
    );
    expect(await revisions.getByRole('row').count()).toBe(4);
  });
});

describe('two editors on one article', () => {
  it('tells the second of the conflict, keeps what they typed and shows what the first saved', async () => {
    const first = await pageAs('editor');
    const title = `Shared draft ${unique('conflict')}`;
    const url = await writeDraft(first, { title, body: 'The original body.' });
    const second = await pageAs('editor');
    await second.goto(url);

    await first.getByLabel('Title', { exact: true }).fill(`${title}, retitled by the first`);
    await saveEdit(first, 'Save draft');

    await second
      .getByLabel('Standfirst', { exact: true })
      .fill('The second editor’s own standfirst.');
    await second
      .getByLabel('Body', { exact: true })
      .fill('The second editor’s rewrite of the body.');
    await second.getByRole('button', { name: 'Save draft' }).click();
    await second.getByText(/Not saved: someone else saved this article/).waitFor();
    expect(await second.getByLabel('Standfirst', { exact: true }).inputValue()).toBe(
      'The second editor’s own standfirst.',
    );
    expect(await second.getByLabel('Body', { exact: true }).inputValue()).toBe(
      'The second editor’s rewrite of the body.',
    );
    const comparison = second.getByRole('region', { name: 'Their version and yours' });
    const titleRow = comparison.getByRole('row', { name: /^Title/ });
    expect(await titleRow.textContent()).toContain(`${title}, retitled by the first`);
    expect(await comparison.getByRole('row', { name: /^Body/ }).textContent()).toContain(
      'The original body.',
    );

    // The second editor takes the first's title, keeps their own text, and saves.
    await comparison.getByRole('button', { name: 'Use theirs for Title' }).click();
    await comparison.getByRole('button', { name: /^Continue from version 2$/ }).click();
    await saveEdit(second, 'Save draft');
    await second.reload();
    expect(await second.getByLabel('Title', { exact: true }).inputValue()).toBe(
      `${title}, retitled by the first`,
    );
    expect(await second.getByLabel('Body', { exact: true }).inputValue()).toBe(
      'The second editor’s rewrite of the body.',
    );
  });
});

// Each sets a flag or opens a dialog if it ever runs.
const xssCorpus = [
  '<script>window.__xss = 1</script>',
  '<img src="x" onerror="window.__xss = 1">',
  '<svg onload="window.__xss = 1"><circle r="4"/></svg>',
  '<svg><animate onbegin="alert(1)" attributeName="x" dur="1s"></animate></svg>',
  '<iframe src="javascript:parent.__xss = 1"></iframe>',
  '<iframe srcdoc="<script>parent.__xss = 1</script>"></iframe>',
  '[a javascript link](javascript:window.__xss=1)',
  '[mixed case](JaVaScRiPt:alert(1))',
  '[entity encoded](&#106;avascript:alert(1))',
  '[data url](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[vbscript](vbscript:msgbox(1))',
  '<javascript:alert(1)>',
  '![image with a javascript source](javascript:alert(1))',
  '![image with a data source](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '[reference link][evil]\n\n[evil]: javascript:window.__xss=1',
  '<a href="javascript:alert(1)">raw html link</a>',
  '<a href="  &#x6A;avascript:alert(1)">spaced entity link</a>',
  '<div style="background:url(javascript:alert(1))">styled block</div>',
  '<p style="width: expression(alert(1))">old IE expression</p>',
  '<style>@import "javascript:alert(1)"; body { background: url(javascript:alert(1)) }</style>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<details open ontoggle="window.__xss = 1"><summary>x</summary></details>',
  '<body onload="window.__xss = 1">',
  '<input autofocus onfocus="window.__xss = 1">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<button formaction="javascript:alert(1)">go</button>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<video><source onerror="window.__xss = 1"></video>',
  '<img src="x" onerror=alert(1)//',
  '**bold <img src=x onerror=alert(1)>**',
  '| table | cell |\n| --- | --- |\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |',
];

const safeSentence = 'Only this sentence should survive as written.';

/** What in the element could run script, as sanitisation should have left none of it. */
async function dangerousMarkup(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((rootSelector) => {
    const root = document.querySelector(rootSelector);
    if (!root) return ['the element is missing'];
    const found: string[] = [];
    const tags = /^(script|iframe|frame|object|embed|svg|math|style|link|meta|base|form|body)$/i;
    for (const element of root.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      if (tags.test(tag)) found.push(tag);
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on') || ['style', 'srcdoc', 'formaction'].includes(name)) {
          found.push(`${tag}[${name}]`);
        }
        if (
          ['href', 'src', 'action', 'data', 'xlink:href'].includes(name) &&
          /^\s*(javascript|vbscript|data):/i.test(attribute.value)
        ) {
          found.push(`${tag}[${name}=${attribute.value}]`);
        }
      }
    }
    return found;
  }, selector);
}

async function executed(page: Page) {
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

describe('Markdown from editors', () => {
  it('never runs script, in the preview or on the published page', async () => {
    expect(xssCorpus.length).toBeGreaterThanOrEqual(20);
    const body = [safeSentence, ...xssCorpus].join('\n\n');
    const page = await pageAs('editor');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const title = `Sanitiser drill ${unique('xss')}`;
    const slug = slugify(title);
    await page.goto(`${baseUrl}/admin/articles/new`);
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Body', { exact: true }).fill(body);
    const preview = page.getByTestId('article-preview');
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toContain(safeSentence);
    await expect.poll(() => preview.getAttribute('aria-busy')).toBe('false');
    // Time for onload, onerror and friends to fire, had any survived.
    await page.waitForTimeout(1000);
    expect(await dangerousMarkup(page, '[data-testid="article-preview"]')).toEqual([]);
    expect(await executed(page)).toBeUndefined();
    expect(dialogs).toEqual([]);

    await page.getByLabel('Add an author').selectOption({ label: 'Amara Okafor' });
    await page.getByRole('button', { name: 'Add to byline' }).click();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/admin\/articles\/[0-9a-f-]{36}\?created=1$/);
    // The edit page renders the saved body's preview on the server too.
    await page.waitForTimeout(1000);
    expect(await dangerousMarkup(page, '[data-testid="article-preview"]')).toEqual([]);
    await publish(page);

    const reader = await anonymousPage();
    reader.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const response = await reader.goto(`${baseUrl}/articles/${slug}`);
    expect(response?.status()).toBe(200);
    await reader.getByText(safeSentence).waitFor();
    await reader.waitForTimeout(1000);
    expect(await dangerousMarkup(reader, 'main .article-body')).toEqual([]);
    expect(await executed(reader)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});

describe('the media library', () => {
  it('scales a large upload down and records its new size', async () => {
    const page = await pageAs('editor');
    const alt = `A wide generated test card ${unique('img')}`;
    const colour = () => Math.floor(Math.random() * 256);
    const bytes = await sharp({
      create: {
        width: 4000,
        height: 3000,
        channels: 3,
        background: { r: colour(), g: colour(), b: colour() },
      },
    })
      .jpeg({ quality: 90 })
      .toBuffer();

    await page.goto(`${baseUrl}/admin/media`);
    await page.getByRole('button', { name: 'Upload image' }).click();
    await page.getByText('Choose an image file to upload.').first().waitFor();

    await page.getByLabel('Image file').setInputFiles({
      name: 'wide.jpg',
      mimeType: 'image/jpeg',
      buffer: bytes,
    });
    await page.getByLabel('Description for people who cannot see it (alt text)').fill(alt);
    await page.getByLabel('Credit (optional)').fill('Generated in the test');
    await page.getByRole('button', { name: 'Upload image' }).click();
    await page.getByTestId('uploaded-size').waitFor();
    expect(await page.getByTestId('uploaded-size').textContent()).toBe('2400 × 1800 pixels');

    const card = page.getByRole('listitem').filter({ has: page.getByRole('img', { name: alt }) });
    expect(await card.getByTestId('media-size').textContent()).toBe('2400 × 1800 pixels');
    const optimised = await card.getByRole('img', { name: alt }).getAttribute('src');
    const original = new URL(optimised!, baseUrl).searchParams.get('url') ?? optimised!;
    expect(original).toMatch(/^\/media\/uploads\/[0-9a-f]{64}\.jpg$/);
    const served = await fetch(`${baseUrl}${original}`);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    const metadata = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([metadata.width, metadata.height]).toEqual([2400, 1800]);
  });

  it('refuses to delete a person still on a byline, with the reason', async () => {
    const page = await pageAs('editor');
    await page.goto(`${baseUrl}/admin/experts`);
    await page.getByRole('link', { name: 'Amara Okafor' }).click();
    await page.waitForURL(/\/admin\/experts\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Delete this person…' }).click();
    await page.getByRole('button', { name: 'Yes, delete this person' }).click();
    await page
      .getByRole('alert')
      .getByText(/This person is on the byline of \d+ articles?/)
      .waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Edit Amara Okafor');
  });
});

describe('the editorial area', () => {
  it('sends a signed-out visitor to log in and back', async () => {
    const page = await anonymousPage();
    await page.goto(`${baseUrl}/admin/articles/new`);
    await page.waitForURL(/\/login\?callbackUrl=%2Fadmin%2Farticles%2Fnew$/);
  });

  it('refuses a member with 403 on every page and on a direct call to an action', async () => {
    const editor = await pageAs('editor');
    const articleUrl = await writeDraft(editor, {
      title: `Not for members ${unique('guard')}`,
      body: 'Editors only.',
    });
    const ids: Record<string, string> = { articles: articleUrl.split('/').pop()! };
    for (const section of ['experts', 'series', 'topics']) {
      await editor.goto(`${baseUrl}/admin/${section}`);
      const href = await editor
        .locator(`main a[href^="/admin/${section}/"]:not([href$="/new"]):not([href*="?"])`)
        .first()
        .getAttribute('href');
      ids[section] = href!.split('/').pop()!;
    }

    const member = await pageAs('member');
    const paths = [
      '/admin',
      '/admin/articles',
      '/admin/articles/new',
      `/admin/articles/${ids.articles}`,
      '/admin/experts',
      '/admin/experts/new',
      `/admin/experts/${ids.experts}`,
      '/admin/series',
      '/admin/series/new',
      `/admin/series/${ids.series}`,
      '/admin/topics',
      '/admin/topics/new',
      `/admin/topics/${ids.topics}`,
      '/admin/media',
      '/admin/members',
      '/admin/donations',
      '/admin/audit',
      '/admin/email',
    ];
    for (const path of paths) {
      const response = await member.goto(`${baseUrl}${path}`);
      expect({ path, status: response?.status() }).toEqual({ path, status: 403 });
    }
    expect(
      (
        await member.request.post(`${baseUrl}/admin/articles/preview`, {
          data: { markdown: '*x*' },
        })
      ).status(),
    ).toBe(403);

    // The member replays the editor's own save, with a title of their choosing.
    await editor.goto(articleUrl);
    const requestSent = editor.waitForRequest(
      (request) => request.method() === 'POST' && !!request.headers()['next-action'],
    );
    await editor.getByLabel('Body', { exact: true }).fill('Edited by the editor.');
    await saveEdit(editor, 'Save draft');
    const request = await requestSent;
    const replay = await member.request.post(articleUrl, {
      headers: {
        'Next-Action': request.headers()['next-action']!,
        'Content-Type': request.headers()['content-type']!,
      },
      data: request
        .postDataBuffer()!
        .toString()
        .replace('Edited by the editor.', 'Defaced by a member.'),
    });
    expect(replay.status()).toBe(403);
    await editor.reload();
    expect(await editor.getByLabel('Body', { exact: true }).inputValue()).toBe(
      'Edited by the editor.',
    );
  });

  it('asks before leaving an edit with unsaved changes, and not once they are saved', async () => {
    const page = await pageAs('editor');
    const url = await writeDraft(page, { title: `Leaving ${unique('leave')}`, body: 'First.' });
    await page.getByLabel('Body', { exact: true }).fill('Second, not yet saved.');
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page
      .getByRole('navigation', { name: 'Editorial and administration' })
      .getByRole('link', { name: 'Articles' })
      .click();
    await expect.poll(() => asked).toEqual([expect.stringContaining('will be lost')]);
    expect(page.url().replace(/\?.*$/, '')).toBe(url);
    expect(await page.getByLabel('Body', { exact: true }).inputValue()).toBe(
      'Second, not yet saved.',
    );

    await saveEdit(page, 'Save draft');
    await page
      .getByRole('navigation', { name: 'Editorial and administration' })
      .getByRole('link', { name: 'Articles' })
      .click();
    await page.waitForURL(`${baseUrl}/admin/articles`);
    expect(asked).toHaveLength(1);
  });

  it('asks before leaving a person’s form with unsaved changes, and not once they are saved', async () => {
    const page = await pageAs('editor');
    await page.goto(`${baseUrl}/admin/experts`);
    await page.getByRole('link', { name: 'Amara Okafor' }).click();
    await page.waitForURL(/\/admin\/experts\/[0-9a-f-]{36}$/);
    const url = page.url();
    const jobTitle = page.getByLabel('Job title');
    const saved = await jobTitle.inputValue();
    await jobTitle.fill(`${saved} (acting)`);
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    const articles = page
      .getByRole('navigation', { name: 'Editorial and administration' })
      .getByRole('link', { name: 'Articles' });
    await articles.click();
    await expect.poll(() => asked).toEqual([expect.stringContaining('will be lost')]);
    expect(page.url()).toBe(url);
    expect(await jobTitle.inputValue()).toBe(`${saved} (acting)`);

    // Put back as it was, so other tests read the person as the seed wrote them.
    await jobTitle.fill(saved);
    await page.getByRole('button', { name: 'Save person' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();
    await articles.click();
    await page.waitForURL(`${baseUrl}/admin/articles`);
    expect(asked).toHaveLength(1);
  });

  it('fits a phone: no editorial page scrolls sideways at 390 px, wide tables scroll in their box', async () => {
    const page = await pageAs('editor');
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of [
      '/admin',
      '/admin/articles',
      '/admin/experts',
      '/admin/series',
      '/admin/topics',
    ]) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBe(390);
    }
  });

  it('has no serious accessibility violations on the article list and edit pages', async () => {
    const page = await pageAs('editor');
    const title = `Accessible form ${unique('axe')}`;
    const url = await writeDraft(page, { title, body: '## A heading\n\nSome text.' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/admin/articles/new`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/admin/articles?status=draft`);
    await page
      .getByRole('link', { name: /^Accessible form/ })
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/admin/articles?q=${encodeURIComponent(title)}`);
    await page.getByText('1 article matches these filters.', { exact: true }).waitFor();
    await page.goto(url);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
