import type { Page } from 'playwright-core';
import Stripe from 'stripe';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { membershipAccounts, testAccounts } from './accounts';
import { seriousViolations } from './axe';
import { browserPagePerTest } from './chromium';
import { inbox } from './mail-catcher';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');
const stripeUrl = inject('stripeUrl');
const stripe = new Stripe(inject('stripeSecretKey'), {
  host: new URL(stripeUrl).hostname,
  port: Number(new URL(stripeUrl).port),
  protocol: 'http',
});
const ui = browserPagePerTest();

type Account = { email: string; password: string };

async function logIn(page: Page, account: Account, path: string) {
  await page.goto(`${baseUrl}/login?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel('E-mail address', { exact: true }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${baseUrl}${path}`);
}

// Stripe's side, acted out by the fake: its webhooks follow on their own time.
async function stripeControl(path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${stripeUrl}/__control/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

const webhooksSettled = () => stripeControl('idle');

async function subscriptionOf(email: string): Promise<Stripe.Subscription> {
  const [customer] = (await stripe.customers.list({ email })).data;
  const [subscription] = (
    await stripe.subscriptions.list({ customer: customer!.id, status: 'all' })
  ).data;
  return subscription!;
}

/** The account page's membership section, read as a list of "Term: value" lines. */
async function membershipFacts(page: Page): Promise<string> {
  const section = page.getByRole('region', { name: 'Your membership' });
  return (await section.textContent()) ?? '';
}

async function createTier(
  page: Page,
  tier: Record<string, string>,
  { visible = true, giftAid = false } = {},
) {
  await page.goto(`${baseUrl}/admin/membership/new`);
  await page.getByLabel('Name', { exact: true }).fill(tier.name!);
  await page.getByLabel('Description').fill(tier.description ?? '');
  await page.getByLabel('Benefits').fill(tier.benefits ?? '');
  await page.getByLabel('Monthly price').fill(tier.monthly ?? '');
  await page.getByLabel('Yearly price').fill(tier.yearly ?? '');
  await page.getByLabel('Order').fill(tier.order ?? '');
  const shown = page.getByRole('checkbox', { name: 'Shown on the membership page' });
  if ((await shown.isChecked()) !== visible) await shown.click();
  if (giftAid) await page.getByRole('checkbox', { name: 'The fee may carry Gift Aid' }).check();
  await page.getByRole('button', { name: 'Create tier' }).click();
  await page.getByRole('status').getByText('Tier created.').waitFor();
}

/**
 * Through /membership, the join page and Stripe's Checkout, back to the account page; `before`
 * fills in more of the join page.
 */
async function join(
  page: Page,
  tier: string,
  interval: 'yearly' | 'monthly',
  before?: () => Promise<void>,
) {
  await page.goto(`${baseUrl}/membership`);
  await page.getByRole('link', { name: `Join ${interval} as ${tier}` }).click();
  await page.getByRole('heading', { level: 1, name: `Join as ${tier}` }).waitFor();
  await page.getByRole('radio', { name: new RegExp(`^${interval}`, 'i') }).check();
  await before?.();
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.waitForURL(`${stripeUrl}/**`);
  const offer = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.waitForURL(`${baseUrl}/account?membership=joined*`);
  await page.getByText('Thank you for joining.').waitFor();
  return offer;
}

/** In the billing portal, chooses another price and confirms, then returns to the account. */
async function switchTo(page: Page, label: string) {
  await page.getByRole('button', { name: 'Change tier, billing or card, or cancel' }).click();
  await page.waitForURL(`${stripeUrl}/**`);
  await page.getByRole('button', { name: 'Update subscription' }).click();
  await page.getByRole('heading', { name: 'Update your subscription' }).waitFor();
  await page
    .getByRole('listitem')
    .filter({ hasText: label })
    .getByRole('button', { name: 'Select' })
    .click();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByRole('heading', { name: 'Your subscriptions' }).waitFor();
  await page.getByRole('link', { name: 'Return' }).click();
  await page.waitForURL(`${baseUrl}/account?portal=membership*`);
}

beforeAll(async () => {
  const page = await ui.browser.newPage();
  await logIn(page, testAccounts.admin, '/admin/membership');
  await createTier(
    page,
    {
      name: 'Fellow',
      description: 'For those who take part in our work.',
      benefits: 'Briefings with the authors\nMembers’ events',
      monthly: '20',
      yearly: '200',
      order: '10',
    },
    { giftAid: true },
  );
  await createTier(page, {
    name: 'Patron',
    description: 'For those who carry it.',
    benefits: 'Everything Fellows have\nA dinner with the director',
    monthly: '50',
    yearly: '500',
    order: '20',
  });
  await createTier(page, { name: 'Council', description: 'By invitation.' }, { visible: false });
  await page.close();
}, 120_000);

describe('paid membership', () => {
  it('a member joins yearly, upgrades, switches to monthly and cancels, all through Stripe', async () => {
    const page = ui.page;
    await logIn(page, membershipAccounts.joiner, '/membership');
    await page.getByRole('heading', { level: 2, name: 'Fellow' }).waitFor();
    expect(await page.getByRole('region', { name: 'Fellow' }).textContent()).toContain(
      '£200.00 a year',
    );
    expect(await page.getByRole('heading', { name: 'Council' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    expect(await join(page, 'Fellow', 'yearly')).toBe('Subscribe: £200.00 per year');
    let facts = await membershipFacts(page);
    expect(facts).toContain('TierFellow');
    expect(facts).toContain('StatusActive');
    expect(facts).toContain('£200.00 a year');
    expect(facts).toMatch(/Renews on \d{1,2} \w+ \d{4}/);
    expect(await seriousViolations(page)).toEqual([]);

    // The receipt of the first payment, printable.
    await page.getByRole('link', { name: /^Receipt for the payment of/ }).click();
    await page.getByRole('heading', { name: 'Receipt for your membership' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain('£200.00');
    await page.goBack();

    // /membership now says which tier is theirs, and sends changes to the account.
    await page.goto(`${baseUrl}/membership`);
    expect(await page.getByRole('region', { name: 'Fellow' }).textContent()).toContain(
      'Your membership',
    );
    expect(await page.getByRole('link', { name: /^Join/ }).count()).toBe(0);
    await page.goto(`${baseUrl}/account#membership`);

    await switchTo(page, 'Patron: £500.00 per year');
    facts = await membershipFacts(page);
    expect(facts).toContain('TierPatron');
    expect(facts).toContain('£500.00 a year');

    await switchTo(page, 'Patron: £50.00 per month');
    expect(await membershipFacts(page)).toContain('£50.00 a month');

    await page.getByRole('button', { name: 'Change tier, billing or card, or cancel' }).click();
    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    await page.getByRole('button', { name: 'Confirm cancellation' }).click();
    await page.getByRole('link', { name: 'Return' }).click();
    await page.waitForURL(`${baseUrl}/account?portal=membership*`);
    facts = await membershipFacts(page);
    expect(facts).toContain('Cancelled, active until the end of the period');
    expect(facts).toMatch(/Ends on \d{1,2} \w+ \d{4}; it will not renew/);

    // The webhooks of all this agree with what the account page read from Stripe on return.
    await webhooksSettled();
    await page.reload();
    expect(await membershipFacts(page)).toContain('TierPatron');
    expect(await membershipFacts(page)).toContain('Cancelled, active until the end of the period');
  }, 120_000);

  it('a failed renewal gives a grace period with an e-mail and a banner; a paid retry ends it; unpaid, it lapses', async () => {
    const page = ui.page;
    const account = membershipAccounts.lapsing;
    await logIn(page, account, '/membership');
    // Fellow's fee may carry Gift Aid: this member declares on joining.
    await join(page, 'Fellow', 'monthly', async () => {
      await page.getByRole('checkbox', { name: /add Gift Aid/ }).check();
      await page.getByLabel('First name').fill('Caroline');
      await page.getByLabel('Last name').fill('Herschel');
      await page.getByLabel('House name or number').fill('19');
      await page.getByLabel('Postcode').fill('ba1 1aa');
    });
    await webhooksSettled();
    await page.reload();
    await page.getByRole('link', { name: /^Receipt for the payment of/ }).click();
    await page.getByText('Gift Aid: this fee is covered by your Gift Aid declaration').waitFor();
    const mail = inbox(mailDir);

    const subscription = await subscriptionOf(account.email);
    await stripeControl(`subscriptions/${subscription.id}/renew`, { fail: true });
    await webhooksSettled();
    await page.goto(`${baseUrl}/account#membership`);
    const banner = page.getByRole('alert').filter({ hasText: 'did not go through' });
    expect(await banner.textContent()).toMatch(
      /Your last payment did not go through\. Update your card by \d{1,2} \w+ \d{4} to keep your membership\./,
    );
    expect(await membershipFacts(page)).toContain('Payment failed: retrying');
    // Every page says so, not only the account.
    await page.goto(`${baseUrl}/analysis`);
    await page
      .getByRole('status')
      .filter({ hasText: 'Your last membership payment did not go through' })
      .waitFor();
    const notice = await mail.next(account.email, { subject: 'did not go through' });
    expect(notice.text).toContain('/account#membership');
    await page.goto(`${baseUrl}/account#membership`);

    const invoice = (await subscriptionOf(account.email)).latest_invoice as string;
    await stripeControl(`invoices/${invoice}/pay`, {});
    await webhooksSettled();
    await page.reload();
    expect(await membershipFacts(page)).toContain('StatusActive');
    expect(await page.getByRole('alert').filter({ hasText: 'did not go through' }).count()).toBe(0);

    await stripeControl(`subscriptions/${subscription.id}/renew`, { fail: true });
    await stripeControl(`subscriptions/${subscription.id}/mark-unpaid`, {});
    await webhooksSettled();
    await page.reload();
    expect(await membershipFacts(page)).toContain('Lapsed: payment failed');
    expect(await page.getByRole('alert').filter({ hasText: 'paused' }).count()).toBe(1);
  }, 120_000);

  it('an admin gives a hidden tier for a month; the member sees it until the admin ends it', async () => {
    const page = ui.page;
    const invited = membershipAccounts.invited;
    await logIn(page, testAccounts.admin, '/admin/membership/members');
    await page.getByLabel('Member’s e-mail address').fill(invited.email);
    await page.getByLabel('Tier', { exact: true }).last().selectOption({ label: 'Council' });
    await page.getByLabel('For', { exact: true }).selectOption({ label: '1 month' });
    await page.getByLabel('Note').fill('Speaker at the spring conference');
    await page.getByRole('button', { name: 'Give membership' }).click();
    await page.getByText(`Membership given to ${invited.email}.`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.reload();
    const row = page.getByRole('row', { name: new RegExp(invited.email) });
    expect(await row.textContent()).toContain('Speaker at the spring conference');

    const member = await ui.browser.newPage();
    await logIn(member, invited, '/account');
    const expected = new Date();
    expected.setUTCMonth(expected.getUTCMonth() + 1);
    const until = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    }).format(expected);
    const facts = await membershipFacts(member);
    expect(facts).toContain('TierCouncil');
    expect(facts).toContain('Complimentary');
    expect(facts).toContain(`Until ${until}`);

    await row.getByRole('button', { name: /^End now/ }).click();
    await page.getByText('Complimentary membership ended.').waitFor();
    await member.reload();
    expect(await membershipFacts(member)).toContain('Your Council membership has ended.');
    await member.close();
  }, 90_000);

  it('anyone gives a membership; it is sent on its day, and its recipient redeems it', async () => {
    const page = ui.page;
    const giftee = membershipAccounts.giftee;
    const mail = inbox(mailDir);
    await page.goto(`${baseUrl}/membership`);
    await page.getByRole('link', { name: 'Give a membership as a gift' }).click();
    await page.getByRole('heading', { level: 1, name: 'Give a membership' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: 'Fellow for 6 months: £120.00' }).check();
    await page.getByLabel('Their name').fill('Grace Hopper');
    await page.getByLabel('Their e-mail address').fill(giftee.email);
    await page.getByLabel('Your message (optional)').fill('For all the reading you do.');
    await page.getByLabel('Your name').fill('Ada Byron');
    await page.getByLabel('Your e-mail address').fill('ada.buyer@example.org');
    // The day it is sent: today, as the date field offers.
    expect(await page.getByLabel('Send it on').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.waitForURL(`${stripeUrl}/**`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Pay: £120.00');
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL(`${baseUrl}/membership/gift/thank-you?session_id=*`);
    await page.getByRole('heading', { name: 'Thank you for your gift of £120.00' }).waitFor();

    const gift = await mail.next(giftee.email, { subject: 'has given you a membership' });
    expect(gift.text).toContain('For all the reading you do.');
    const link = gift.text.match(/https?:\/\/\S+\/membership\/redeem\/[\w-]+/)?.[0];
    expect(link).toBeDefined();
    await mail.next('ada.buyer@example.org', { subject: 'gift membership' });

    // The recipient opens the link, logs in from it, and starts the membership.
    await page.goto(link!);
    await page.getByRole('heading', { name: 'Fellow membership for 6 months' }).waitFor();
    await page.getByRole('link', { name: 'Log in' }).first().click();
    await page.getByLabel('E-mail address', { exact: true }).fill(giftee.email);
    await page.getByLabel('Password', { exact: true }).fill(giftee.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(link!);
    await page.getByRole('button', { name: 'Start my membership' }).click();
    await page.waitForURL(`${baseUrl}/account?gift=redeemed*`);
    const facts = await membershipFacts(page);
    expect(facts).toContain('TierFellow');
    expect(facts).toContain('A gift');
    expect(facts).toMatch(/Until \d{1,2} \w+ \d{4}/);

    // The link works once.
    await page.goto(link!);
    await page.getByText('This gift has been redeemed.').waitFor();
  }, 90_000);
});
