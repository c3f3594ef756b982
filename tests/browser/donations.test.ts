import type { Page, Route } from 'playwright-core';
import Stripe from 'stripe';
import { describe, expect, inject, it } from 'vitest';
import { testAccounts } from './accounts';
import { seriousViolations } from './axe';
import { browserPagePerTest } from './chromium';
import { inbox, linkIn } from './mail-catcher';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');
const stripeUrl = inject('stripeUrl');
const ui = browserPagePerTest();

async function logInAsMember() {
  await ui.page.goto(`${baseUrl}/login?callbackUrl=%2Fsupport`);
  await ui.page.getByLabel('E-mail address', { exact: true }).fill(testAccounts.member.email);
  await ui.page.getByLabel('Password', { exact: true }).fill(testAccounts.member.password);
  await ui.page.getByRole('button', { name: 'Log in' }).click();
  await ui.page.waitForURL(`${baseUrl}/support`);
}

/**
 * Presses the give button, found by the sum it names, and reads what Stripe's Checkout page
 * says will be charged ("Pay: £50.00", "Subscribe: £12.00 per month").
 */
async function give(page: Page, label: string): Promise<string> {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.waitForURL(`${stripeUrl}/**`);
  return (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
}

async function pay() {
  await ui.page.getByRole('button', { name: 'Pay' }).click();
  await ui.page.waitForURL(`${baseUrl}/support/thank-you?session_id=*`);
}

/** The thank-you page, at a desktop's width and a phone's, thanks the donor and asks for no more. */
async function expectNoFurtherAppeal(page: Page) {
  const viewport = page.viewportSize();
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const main = page.getByRole('main');
    const footer = page.getByRole('contentinfo');
    await footer.scrollIntoViewIfNeeded();
    expect(await footer.isVisible()).toBe(true);
    const supportLinks = await main
      .getByRole('link')
      .evaluateAll((links) =>
        links
          .map((link) => link.getAttribute('href'))
          .filter((href) => href?.startsWith('/support')),
      );
    expect(supportLinks, `at ${width} px`).toEqual([]);
    for (const region of [main, footer]) {
      expect(await region.textContent(), `at ${width} px`).not.toMatch(
        /support us|give to the institute|independent because of you|donate/i,
      );
    }
  }
  if (viewport) await page.setViewportSize(viewport);
}

// Stripe's side, acted out by the fake: its webhooks follow the donor on their own time.
async function stripeControl<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stripeUrl}/__control/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** Every webhook Stripe has queued so far has been delivered (or given up on). */
const webhooksSettled = () => stripeControl('idle');

/** Runs `steps` with every webhook sent from now on at least `ms` late. */
async function withWebhooksLate(ms: number, steps: () => Promise<void>) {
  const { schedule } = await stripeControl<{ schedule: { jitterMs: object } }>('delivery-schedule');
  await stripeControl('delivery-schedule', { jitterMs: { min: ms, max: ms + 1000 } });
  try {
    await steps();
  } finally {
    await stripeControl('delivery-schedule', { jitterMs: schedule.jitterMs });
  }
}

async function monthlySubscriptionOf(email: string): Promise<string> {
  const { sessions } = await stripeControl<{ sessions: Stripe.Checkout.Session[] }>('sessions');
  // A guest's session names the address; a member's names their customer, whose address
  // Checkout copies into the session's details once paid.
  const paid = sessions.filter(
    (session) =>
      (session.customer_email ?? session.customer_details?.email) === email &&
      session.subscription !== null,
  );
  return paid.at(-1)!.subscription as string;
}

describe('donations', () => {
  it('a member gives once with Gift Aid: Checkout, a thank-you that asks for no more, receipt e-mail, account history', async () => {
    await logInAsMember();
    expect(await ui.page.getByLabel('E-mail address').inputValue()).toBe(testAccounts.member.email);
    expect(await seriousViolations(ui.page)).toEqual([]);

    await ui.page.getByLabel('Full name').fill('Marta Okafor');
    await ui.page.getByRole('radio', { name: '£50', exact: true }).check();
    await ui.page.getByRole('checkbox', { name: 'Yes, add Gift Aid to my gift' }).check();
    await ui.page.getByLabel('First name').fill('Marta');
    await ui.page.getByLabel('Last name').fill('Okafor');
    await ui.page.getByLabel('House name or number').fill('7');
    await ui.page.getByLabel('Postcode').fill('oX1 2jd');
    expect(await give(ui.page, 'Give £50 now')).toBe('Pay: £50.00');
    const mail = inbox(mailDir);
    await pay();
    await ui.page.getByRole('heading', { name: 'Thank you for your gift of £50.00' }).waitFor();
    await expectNoFurtherAppeal(ui.page);

    const receipt = await mail.next(testAccounts.member.email, { subject: 'receipt' });
    expect(receipt.text).toContain('We received your gift of £50.00');
    expect(receipt.text).toContain('Gift Aid: you declared');
    expect(receipt.text).toContain('I am a UK taxpayer');

    await ui.page.goto(`${baseUrl}/account`);
    const history = ui.page.getByRole('region', { name: 'Your giving' });
    await history.getByText('£50.00 gift with Gift Aid').waitFor();
    await history
      .getByRole('link', { name: /^Receipt/ })
      .first()
      .click();
    await ui.page.getByRole('heading', { name: 'Receipt for your gift' }).waitFor();
    expect(await ui.page.getByText('OX1 2JD').count()).toBe(0);
    expect(await ui.page.getByText(/^NG-[0-9A-F]{10}$/).count()).toBe(1);
  });

  it('a member gives monthly, then cancels through the billing portal', async () => {
    await logInAsMember();
    await ui.page.getByLabel('Full name').fill('Marta Okafor');
    await ui.page.getByRole('radio', { name: 'Give monthly' }).check();
    await ui.page.getByLabel('Other amount (£)').fill('12');
    expect(await give(ui.page, 'Give £12 a month')).toBe('Subscribe: £12.00 per month');
    const mail = inbox(mailDir);
    await pay();
    await ui.page.getByRole('heading', { name: 'Thank you for giving £12.00 a month' }).waitFor();
    await expectNoFurtherAppeal(ui.page);
    const receipt = await mail.next(testAccounts.member.email, { subject: 'receipt' });
    expect(receipt.text).toContain('We received your monthly gift of £12.00');

    await ui.page.goto(`${baseUrl}/account`);
    const history = ui.page.getByRole('region', { name: 'Your giving' });
    await history.getByText(/£12\.00 a month: active, next payment/).waitFor();
    await history.getByRole('button', { name: 'Change card or cancel' }).click();
    await ui.page.waitForURL(`${stripeUrl}/**`);

    // Stripe's portal cancels at the end of the period paid for, and tells the site later.
    await withWebhooksLate(3000, async () => {
      await ui.page.getByRole('button', { name: 'Cancel subscription' }).first().click();
      await ui.page.getByRole('heading', { name: 'Cancel your subscription' }).waitFor();
      await ui.page.getByRole('button', { name: 'Confirm cancellation' }).click();
      await ui.page.getByText(/Cancels on \d{1,2} \w+ \d{4}/).waitFor();
      await ui.page.getByRole('link', { name: 'Return' }).click();
      await ui.page.waitForURL(`${baseUrl}/account**`);
      await history.getByText(/£12\.00 a month: ends on \d{1,2} \w+ \d{4}/).waitFor();
    });

    // The period ends; Stripe ends the subscription and says so, and the next visit shows it.
    const subscription = await monthlySubscriptionOf(testAccounts.member.email);
    await stripeControl(`subscriptions/${subscription}/renew`, {});
    await webhooksSettled();
    await ui.page.goto(`${baseUrl}/account`);
    await history.getByText(/£12\.00 a month: stopped/).waitFor();
  });

  it('a member who gives monthly and deletes their account before Stripe’s webhooks arrive stops the gift at Stripe', async () => {
    const email = `monthly.leaver.${Date.now()}@example.org`;
    const password = 'a long monthly leaver phrase';
    await ui.page.goto(`${baseUrl}/join`);
    await ui.page.getByLabel('Name').fill('Monthly Leaver');
    await ui.page.getByLabel('E-mail address', { exact: true }).fill(email);
    await ui.page.getByLabel('Password', { exact: true }).fill(password);
    await ui.page.getByRole('checkbox', { name: /privacy notice/ }).check();
    const welcome = inbox(mailDir);
    await ui.page.getByRole('button', { name: 'Join' }).click();
    await ui.page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    const verification = await welcome.next(email, { subject: 'Verify' });
    await ui.page.goto(linkIn(verification.text, 'verify-email'));
    await ui.page.getByRole('button', { name: 'Verify my e-mail address' }).click();
    await ui.page.waitForURL(`${baseUrl}/account?welcome=1`);
    await ui.page.goto(`${baseUrl}/support`);

    await ui.page.getByLabel('Full name').fill('Monthly Leaver');
    await ui.page.getByRole('radio', { name: 'Give monthly' }).check();
    await ui.page.getByLabel('Other amount (£)').fill('9');
    expect(await give(ui.page, 'Give £9 a month')).toBe('Subscribe: £9.00 per month');
    await withWebhooksLate(8000, async () => {
      await pay();
      await ui.page.getByRole('heading', { name: 'Thank you for giving £9.00 a month' }).waitFor();
      // Stripe has taken the payment; the site has not heard yet, and does not claim more.
      await ui.page.getByText('Your payment has gone through.').waitFor();
      await ui.page.goto(`${baseUrl}/account`);
      await ui.page.getByLabel('Your e-mail address').fill(email);
      await ui.page.getByRole('button', { name: 'Delete my account' }).click();
      await ui.page.waitForURL(`${baseUrl}/account-deleted`);
    });

    const subscriptionId = await monthlySubscriptionOf(email);
    await webhooksSettled();
    const url = new URL(stripeUrl);
    const stripe = new Stripe(inject('stripeSecretKey'), {
      host: url.hostname,
      port: url.port,
      protocol: 'http',
    });
    expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('canceled');
  });

  it('coming back from Checkout keeps what was typed; bad input changes nothing', async () => {
    await ui.page.goto(`${baseUrl}/support`);
    await ui.page.getByLabel('Other amount (£)').fill('1.50');
    await ui.page.getByLabel('Full name').fill('Guest Giver');
    await ui.page.getByLabel('E-mail address').fill('not-an-address');
    await ui.page.getByRole('button', { name: 'Enter an amount from £2 to £25,000' }).click();
    await ui.page.getByText('Enter an amount from £2.00 to £25,000.00.').waitFor();
    await ui.page.getByText('Enter an e-mail address like name@example.org.').waitFor();
    // The donor is taken to the first field to put right.
    await ui.page.waitForFunction(
      () => document.activeElement?.getAttribute('name') === 'otherAmount',
      undefined,
      { timeout: 5_000 },
    );
    expect(await ui.page.getByLabel('Full name').inputValue()).toBe('Guest Giver');
    expect(await ui.page.getByLabel('Other amount (£)').inputValue()).toBe('1.50');
    expect(await ui.page.getByRole('radio', { name: 'Other amount' }).isChecked()).toBe(true);
    expect(ui.page.url()).toBe(`${baseUrl}/support`);

    await ui.page.getByLabel('Other amount (£)').fill('30');
    await ui.page.getByLabel('E-mail address').fill('guest.giver@example.org');
    expect(await give(ui.page, 'Give £30 now')).toBe('Pay: £30.00');
    const checkoutPage = ui.page.url();
    await ui.page.getByRole('link', { name: 'Back' }).click();
    await ui.page.waitForURL(`${baseUrl}/support?resume=*`);
    await ui.page.getByText('Your payment was not completed and nothing was charged.').waitFor();
    expect(await ui.page.getByLabel('Other amount (£)').inputValue()).toBe('30');
    expect(await ui.page.getByLabel('Full name').inputValue()).toBe('Guest Giver');
    expect(await ui.page.getByLabel('E-mail address').inputValue()).toBe('guest.giver@example.org');

    // The same gift sent again goes back to the same open Checkout page, not a second one.
    await give(ui.page, 'Give £30 now');
    expect(ui.page.url()).toBe(checkoutPage);
  });

  it('turns away a form whose hidden honeypot field was filled in', async () => {
    await ui.page.goto(`${baseUrl}/support`);
    await ui.page.getByLabel('Full name').fill('Robot');
    await ui.page.getByLabel('E-mail address').fill('robot@example.org');
    await ui.page.locator('input[name="website"]').evaluate((input: HTMLInputElement) => {
      input.value = 'https://spam.example';
    });
    await ui.page.getByRole('button', { name: 'Give £50 now' }).click();
    await ui.page.getByRole('alert').getByText('We could not take this gift.').waitFor();
    expect(ui.page.url()).toBe(`${baseUrl}/support`);
  });
});

/**
 * Holds back the page's scripts until `release`, so that a test can act on the server-rendered
 * form as a donor on a slow connection does before the page is hydrated.
 */
async function holdScripts(page: Page) {
  const held: Route[] = [];
  let released = false;
  await page.route(/\/_next\/static\/.+\.js(\?|$)/, (route) => {
    if (released) return route.continue();
    held.push(route);
  });
  return async () => {
    released = true;
    await Promise.all(held.map((route) => route.continue()));
  };
}

describe('the donation form charges what the donor chose', () => {
  it('typing an amount selects "Other amount", and that sum is what Checkout charges', async () => {
    await ui.page.goto(`${baseUrl}/support`);
    const typed = ui.page.getByLabel('Other amount (£)');
    await ui.page.getByRole('button', { name: 'Give £50 now' }).waitFor();
    await typed.click();
    // Going into the box chooses nothing; typing does.
    expect(await ui.page.getByRole('radio', { name: '£50', exact: true }).isChecked()).toBe(true);
    await typed.pressSequentially('41');
    expect(await ui.page.getByRole('radio', { name: 'Other amount' }).isChecked()).toBe(true);
    expect(await ui.page.getByRole('radio', { name: '£50', exact: true }).isChecked()).toBe(false);
    await ui.page.getByLabel('Full name').fill('Typed Amount');
    await ui.page.getByLabel('E-mail address').fill('typed.amount@example.org');
    expect(await give(ui.page, 'Give £41 now')).toBe('Pay: £41.00');
    expect(ui.errors).toEqual([]);
  });

  it('a suggested amount chosen after typing clears the typed one; a typed amount stays through a change of frequency', async () => {
    await ui.page.goto(`${baseUrl}/support`);
    const typed = ui.page.getByLabel('Other amount (£)');
    const button = (name: string) => ui.page.getByRole('button', { name, exact: true });
    await button('Give £50 now').waitFor();
    await ui.page.getByText('Choosing one of the amounts above clears this box.').waitFor();

    await typed.fill('41');
    await button('Give £41 now').waitFor();
    await ui.page.getByRole('radio', { name: '£100', exact: true }).check();
    await button('Give £100 now').waitFor();
    expect(await typed.inputValue()).toBe('');
    expect(await ui.page.getByRole('radio', { name: 'Other amount' }).isChecked()).toBe(false);

    await typed.fill('13');
    await ui.page.getByRole('radio', { name: 'Give monthly' }).check();
    await button('Give £13 a month').waitFor();
    expect(await ui.page.getByRole('radio', { name: 'Other amount' }).isChecked()).toBe(true);
    expect(await typed.inputValue()).toBe('13');
    await ui.page.getByRole('radio', { name: 'Give once' }).check();
    await button('Give £13 now').waitFor();
    await ui.page.getByRole('radio', { name: 'Give monthly' }).check();
    await button('Give £13 a month').waitFor();

    // The button says what is missing rather than a sum it would not charge.
    await typed.fill('');
    await button('Enter an amount to give').waitFor();
    await typed.fill('1');
    await button('Enter an amount from £2 to £25,000').waitFor();
    await typed.fill('13');
    // Announced once the typing has stopped.
    await ui.page.getByRole('status').filter({ hasText: 'Give £13 a month' }).waitFor();

    await ui.page.getByLabel('Full name').fill('Monthly Typist');
    await ui.page.getByLabel('E-mail address').fill('monthly.typist@example.org');
    expect(await give(ui.page, 'Give £13 a month')).toBe('Subscribe: £13.00 per month');
    expect(ui.errors).toEqual([]);
  });

  it('choices made before the page’s script runs survive hydration and are what is charged', async () => {
    const release = await holdScripts(ui.page);
    await ui.page.goto(`${baseUrl}/support`, { waitUntil: 'domcontentloaded' });
    await ui.page.getByRole('radio', { name: 'Give monthly' }).check();
    await ui.page.getByRole('radio', { name: '£25', exact: true }).check();
    await ui.page.getByRole('checkbox', { name: 'Yes, add Gift Aid to my gift' }).check();
    await ui.page.getByLabel('First name').fill('Early');
    await ui.page.getByLabel('Last name').fill('Clicker');
    await ui.page.getByLabel('House name or number').fill('4');
    await ui.page.getByLabel('Postcode').fill('M1 1AE');
    await ui.page.getByLabel('Full name').fill('Early Clicker');
    await ui.page.getByLabel('E-mail address').fill('early.clicker@example.org');
    // Before the script runs, the button cannot know the sum and does not name one.
    expect(await ui.page.getByRole('button', { name: 'Continue to secure payment' }).count()).toBe(
      1,
    );

    await release();
    await ui.page.getByRole('button', { name: 'Give £25 a month' }).waitFor();
    expect(await ui.page.getByRole('radio', { name: 'Give monthly' }).isChecked()).toBe(true);
    expect(await ui.page.getByRole('radio', { name: '£25', exact: true }).isChecked()).toBe(true);
    expect(
      await ui.page.getByRole('checkbox', { name: 'Yes, add Gift Aid to my gift' }).isChecked(),
    ).toBe(true);
    expect(await ui.page.getByLabel('First name').inputValue()).toBe('Early');
    expect(await ui.page.getByLabel('Postcode').inputValue()).toBe('M1 1AE');

    expect(await give(ui.page, 'Give £25 a month')).toBe('Subscribe: £25.00 per month');
    const mail = inbox(mailDir);
    await pay();
    await ui.page.getByRole('heading', { name: 'Thank you for giving £25.00 a month' }).waitFor();
    const receipt = await mail.next('early.clicker@example.org', { subject: 'receipt' });
    expect(receipt.text).toContain('Gift Aid: you declared');
    expect(ui.errors).toEqual([]);
  });

  it('an amount typed before the page’s script runs, beside a suggested one, is asked about rather than guessed', async () => {
    const release = await holdScripts(ui.page);
    await ui.page.goto(`${baseUrl}/support`, { waitUntil: 'domcontentloaded' });
    await ui.page.getByLabel('Other amount (£)').click();
    await ui.page.getByLabel('Other amount (£)').pressSequentially('41');
    await ui.page.getByLabel('Full name').fill('Early Typist');
    await ui.page.getByLabel('E-mail address').fill('early.typist@example.org');

    await release();
    await ui.page.getByRole('button', { name: 'Choose one amount to give' }).waitFor();
    const question =
      'You chose £50 and typed £41. Select “Other amount” to give £41, or clear this box to give £50.';
    await ui.page.getByText(question).waitFor();
    expect(await ui.page.getByLabel('Other amount (£)').getAttribute('aria-invalid')).toBe('true');
    expect(await ui.page.getByLabel('Other amount (£)').inputValue()).toBe('41');

    await ui.page.getByRole('radio', { name: 'Other amount' }).check();
    await ui.page.getByRole('button', { name: 'Give £41 now' }).waitFor();
    expect(await ui.page.getByText(question).count()).toBe(0);
    expect(await give(ui.page, 'Give £41 now')).toBe('Pay: £41.00');
    expect(ui.errors).toEqual([]);
  });

  it('works without JavaScript: amounts by frequency, Gift Aid, errors that keep what was typed, Checkout', async () => {
    const context = await ui.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/support`);
      expect(await page.getByRole('button', { name: /£/ }).count()).toBe(0);
      await page.getByText('Select “Other amount” to give what you type here.').waitFor();

      await page.getByRole('radio', { name: 'Give monthly' }).check();
      expect(await page.getByRole('radio', { name: '£250', exact: true }).count()).toBe(0);
      expect(await page.getByRole('radio', { name: '£10', exact: true }).isChecked()).toBe(true);
      await page.getByRole('group', { name: 'Amount each month' }).waitFor();
      await page.getByRole('radio', { name: '£25', exact: true }).check();
      await page.getByLabel('Other amount (£)').fill('30');
      await page.getByLabel('Full name').fill('No Script');
      await page.getByLabel('E-mail address').fill('not-an-address');
      await page.getByRole('checkbox', { name: 'Yes, add Gift Aid to my gift' }).check();
      await page.getByLabel('First name').fill('Nora');
      await page.getByLabel('Last name').fill('Script');
      await page.getByLabel('House name or number').fill('9');
      await page.getByLabel('Postcode').fill('LS1 4AP');
      await page.getByRole('checkbox', { name: /past four years/ }).check();
      await page.getByText(/any I have made in the past 4 years/).waitFor();
      await page.getByRole('button', { name: 'Continue to secure payment' }).click();

      await page
        .getByText(
          'You chose £25 and typed £30. Select “Other amount” to give £30, or clear this box to give £25.',
        )
        .waitFor();
      await page.getByText('Enter an e-mail address like name@example.org.').waitFor();
      expect(await page.getByLabel('Other amount (£)').inputValue()).toBe('30');
      expect(await page.getByRole('radio', { name: 'Give monthly' }).isChecked()).toBe(true);
      expect(await page.getByRole('radio', { name: '£25', exact: true }).isChecked()).toBe(true);
      expect(await page.getByLabel('Full name').inputValue()).toBe('No Script');
      expect(await page.getByLabel('First name').inputValue()).toBe('Nora');
      expect(await page.getByRole('checkbox', { name: /past four years/ }).isChecked()).toBe(true);

      await page.getByRole('radio', { name: 'Other amount' }).check();
      await page.getByLabel('E-mail address').fill('no.script@example.org');
      await page.getByRole('button', { name: 'Continue to secure payment' }).click();
      await page.waitForURL(`${stripeUrl}/**`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Subscribe: £30.00 per month',
      );
    } finally {
      await context.close();
    }
  });
});
