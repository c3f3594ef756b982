// Full-page screenshots of every kind of page, at a desktop's width and a phone's, for an
// anonymous reader, a member, an editor and an admin: `npm run screenshots`. It serves the
// production build (built first when there is none, or with --build) on a fresh embedded database
// with the demo content, gives through a local fake of Stripe, and signs in through the log-in
// form as a person does.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import type { UserRole } from '@/db/schema';
import { startFakeStripe } from '../tests/support/fake-stripe';
import { launchBrowser } from './lib/chromium';
import { runCli } from './lib/cli';
import { freePort, startServer } from './lib/next-server';

const widths = [1366, 390];
const root = path.resolve(import.meta.dirname, '..');
type Viewer = 'anonymous' | UserRole;

interface Shot {
  name: string;
  /** The address to open, or steps that bring the page to the screen as a person would. */
  open: string | ((page: Page) => Promise<void>);
  status?: number;
}

const article = '/articles/fiscal-rules-need-a-stress-test';
const membersArticle = '/articles/spending-review-in-five-charts';

/** Gives the suggested amount once from the donation form and pays on the fake Checkout page. */
async function giveOnce(page: Page) {
  await page.goto('/support');
  const name = page.getByLabel('Full name');
  if (!(await name.inputValue())) await name.fill('Sam Reader');
  const email = page.getByLabel('E-mail address');
  if (!(await email.inputValue())) await email.fill('sam.reader@example.org');
  await page.getByRole('button', { name: /^Give .+ now$/ }).click();
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.waitForURL('**/support/thank-you?session_id=*');
}

const receiptLink = (page: Page) =>
  page.getByRole('region', { name: 'Your giving' }).getByRole('link', { name: /^Receipt/ });

/** The account page once Stripe's webhook has told the site that the member's gift was paid. */
async function openAccountWithGift(page: Page) {
  for (let attempt = 0; attempt < 40; attempt++) {
    await page.goto('/account');
    if (await receiptLink(page).count()) return;
    await page.waitForTimeout(500);
  }
  throw new Error('The member’s gift never showed as paid on /account');
}

async function openReceipt(page: Page) {
  await openAccountWithGift(page);
  await receiptLink(page).first().click();
  await page.waitForURL('**/account/giving/*');
}

async function openArticleInAdmin(page: Page) {
  await page.goto('/admin/articles');
  await page
    .getByRole('link', {
      name: 'Britain’s fiscal rules need a stress test, not another rewrite',
      exact: true,
    })
    .click();
  await page.waitForURL(/\/admin\/articles\/[0-9a-f-]{36}$/);
}

const publicPages: Shot[] = [
  { name: 'home', open: '/' },
  { name: 'article', open: article },
  { name: 'article-members-only', open: membersArticle },
  { name: 'listing', open: '/analysis' },
  { name: 'series-index', open: '/series' },
  { name: 'series', open: '/series/fiscal-watch' },
  { name: 'topics-index', open: '/topics' },
  { name: 'topic', open: '/topics/economy' },
  { name: 'people-index', open: '/people' },
  { name: 'person', open: '/people/helen-orvik' },
  { name: 'press', open: '/press' },
  { name: 'press-releases', open: '/press/releases' },
  { name: 'search-results', open: '/search?q=energy' },
  { name: 'search-empty', open: '/search?q=zzzzqqq' },
  { name: 'privacy', open: '/privacy' },
  { name: 'about', open: '/about' },
  { name: 'funding', open: '/funding-and-transparency' },
  { name: 'publications', open: '/publications' },
  { name: 'publication', open: '/articles/clearing-the-grid-connection-queue' },
  { name: 'support', open: '/support' },
  { name: 'not-found', open: '/articles/no-such-article', status: 404 },
];

/** What editors and admins both see: the site as staff, and the editorial area. */
const staffPages: Shot[] = [
  { name: 'home', open: '/' },
  { name: 'article', open: article },
  { name: 'account', open: '/account' },
  { name: 'admin-dashboard', open: '/admin' },
  { name: 'admin-articles', open: '/admin/articles' },
  { name: 'admin-article-edit', open: openArticleInAdmin },
  { name: 'admin-home', open: '/admin/home' },
  { name: 'admin-pages', open: '/admin/pages' },
  { name: 'admin-press-coverage', open: '/admin/press/coverage' },
];

const shots: Record<Viewer, Shot[]> = {
  anonymous: [
    ...publicPages,
    { name: 'search-start', open: '/search' },
    { name: 'join', open: '/join' },
    { name: 'login', open: '/login' },
    { name: 'forgot-password', open: '/forgot-password' },
    { name: 'thank-you', open: giveOnce },
  ],
  member: [
    { name: 'home', open: '/' },
    { name: 'article', open: article },
    { name: 'article-members-only', open: membersArticle },
    { name: 'search-results', open: '/search?q=spending' },
    { name: 'support', open: '/support' },
    { name: 'thank-you', open: giveOnce },
    { name: 'account-giving', open: openAccountWithGift },
    { name: 'account-giving-receipt', open: openReceipt },
    { name: 'forbidden-admin', open: '/admin', status: 403 },
    { name: 'not-found', open: '/no/such/page', status: 404 },
  ],
  editor: [
    ...staffPages,
    { name: 'admin-article-new', open: '/admin/articles/new' },
    { name: 'forbidden-donations', open: '/admin/donations', status: 403 },
  ],
  admin: [
    ...staffPages,
    { name: 'admin-donations', open: '/admin/donations' },
    { name: 'admin-members', open: '/admin/members' },
    { name: 'admin-email', open: '/admin/email' },
    { name: 'admin-funding', open: '/admin/funding' },
  ],
};

/**
 * Waits for the header's account links, scrolls through the page so lazy images load, then
 * waits for them and the fonts.
 */
async function settle(page: Page) {
  await page.waitForFunction(() => document.title !== '', undefined, { timeout: 10_000 });
  // The header asks the server who is signed in once the page has loaded.
  await page.waitForLoadState('networkidle');
  await page.evaluate(async () => {
    const step = window.innerHeight;
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    window.scrollTo(0, 0);
    await document.fonts.ready;
    await Promise.all(
      Array.from(document.images, (image) =>
        image.complete
          ? null
          : new Promise((resolve) => {
              image.addEventListener('load', resolve, { once: true });
              image.addEventListener('error', resolve, { once: true });
            }),
      ),
    );
  });
}

async function signIn(context: BrowserContext, email: string, password: string) {
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('E-mail address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.close();
}

/** Runs a command; a quiet one's output is shown only when it fails. */
function run(args: string[], env: NodeJS.ProcessEnv, quiet = false) {
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  const result = spawnSync(tsx, args, {
    cwd: root,
    env,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    if (quiet) console.error(result.stdout, result.stderr);
    throw new Error(`tsx ${args[0]} failed`);
  }
}

runCli('screenshots', async (argv) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string', default: 'screenshots' },
      build: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const out = path.resolve(values.out);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'northgate-screenshots-'));
  const port = await freePort();
  // A database of its own, whatever .env says, so the pages show the demo content and nothing else.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    SITE_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: '',
    PGLITE_DATA_DIR: path.join(scratch, 'pglite'),
    EMAIL_SERVER: '',
    EMAIL_LOG_DIR: path.join(scratch, 'mail'),
    MEDIA_STORAGE_DIR: path.join(scratch, 'media'),
    LOG_LEVEL: 'warn',
  };
  const passwords = Object.fromEntries(
    (['member', 'editor', 'admin'] as const).map((role) => [role, randomBytes(18).toString('hex')]),
  ) as Record<UserRole, string>;
  const emails: Record<UserRole, string> = {
    member: 'member@northgate.example',
    editor: 'editor@northgate.example',
    admin: 'admin@northgate.example',
  };

  const stripe = await startFakeStripe();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    if (values.build || !fs.existsSync(path.join(root, 'dist', 'server.js'))) {
      console.log('Building for production (npm run build)…');
      run(['scripts/build.ts'], env);
    }
    run(['scripts/db-seed.ts'], env, true);
    // The demo accounts' passwords are printed once when seeded; give them ones this run knows.
    for (const role of ['member', 'editor', 'admin'] as const) {
      const account = ['--email', emails[role], '--password', passwords[role], '--role', role];
      run(['scripts/user-create.ts', ...account], env, true);
    }
    server = await startServer(
      {
        ...env,
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
        STRIPE_API_BASE_URL: stripe.url,
      },
      port,
    );
    stripe.setWebhookUrl(`${server.url}/api/stripe/webhook`);

    const browser = await launchBrowser();
    const surprises: string[] = [];
    let count = 0;
    try {
      for (const viewer of Object.keys(shots) as Viewer[]) {
        const folder = path.join(out, viewer);
        fs.rmSync(folder, { recursive: true, force: true });
        fs.mkdirSync(folder, { recursive: true });
        // A British reader's browser, as the site is written for one (date fields, for instance).
        const context = await browser.newContext({
          baseURL: server.url,
          locale: 'en-GB',
          timezoneId: 'Europe/London',
        });
        if (viewer !== 'anonymous') await signIn(context, emails[viewer], passwords[viewer]);
        const page = await context.newPage();
        for (const shot of shots[viewer]) {
          let status = 200;
          if (typeof shot.open === 'string') {
            status = (await page.goto(shot.open))?.status() ?? 0;
          } else {
            await shot.open(page);
          }
          if (status !== (shot.status ?? 200)) {
            surprises.push(`${viewer} ${shot.name}: ${page.url()} answered ${status}`);
          }
          for (const width of widths) {
            await page.setViewportSize({ width, height: 900 });
            await settle(page);
            await page.screenshot({
              path: path.join(folder, `${shot.name}-${width}.png`),
              fullPage: true,
            });
            count++;
          }
        }
        await context.close();
      }
    } finally {
      await browser.close();
    }
    console.log(`\n${count} screenshots in ${out}/{${Object.keys(shots).join(',')}}/`);
    if (surprises.length) throw new Error(`Unexpected statuses:\n${surprises.join('\n')}`);
  } catch (error) {
    if (server) console.error(server.logs().slice(-4000));
    throw error;
  } finally {
    await server?.stop();
    await stripe.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});
