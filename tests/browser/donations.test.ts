import Stripe from 'stripe';
import { describe, expect, inject, it } from 'vitest';
import { testAccounts } from './accounts';
import { seriousViolations } from './axe';
import { browserPagePerTest } from './chromium';
import { inbox } from './mail-catcher';

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

async function continueToCheckout() {
  await ui.page.getByRole('button', { name: 'Continue to secure payment' }).click();
  await ui.page.waitForURL(`${stripeUrl}/**`);
}

async function pay() {
  await ui.page.getByRole('button', { name: 'Pay' }).click();
  await ui.page.waitForURL(`${baseUrl}/support/thank-you?session_id=*`);
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
  const paid = sessions.filter(
    (session) => session.customer_email === email && session.subscription !== null,
  );
  return paid.at(-1)!.subscription as string;
}

describe('donations', () => {
  it('a member gives once with Gift Aid: Checkout, thank-you, receipt e-mail, account history', async () => {
    await logInAsMember();
    expect(await ui.page.getByLabel('E-mail address').inputValue()).toBe(testAccounts.member.email);
    expect(await seriousViolations(ui.page)).toEqual([]);

    await ui.page.getByLabel('Full name').fill('Marta Okafor');
    await ui.page.getByRole('radio', { name: '£50' }).check();
    await ui.page.getByRole('checkbox', { name: 'Yes, add Gift Aid to my gift' }).check();
    await ui.page.getByLabel('First name').fill('Marta');
    await ui.page.getByLabel('Last name').fill('Okafor');
    await ui.page.getByLabel('House name or number').fill('7');
    await ui.page.getByLabel('Postcode').fill('oX1 2jd');
    await continueToCheckout();
    expect(await ui.page.getByText('50.00').count()).toBeGreaterThan(0);
    const mail = inbox(mailDir);
    await pay();
    await ui.page.getByRole('heading', { name: 'Thank you for your gift of £50.00' }).waitFor();

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
    await ui.page.getByRole('radio', { name: 'Other amount' }).check();
    await ui.page.getByLabel('Other amount (£)').fill('12');
    await continueToCheckout();
    expect(await ui.page.getByText(/per month/i).count()).toBeGreaterThan(0);
    const mail = inbox(mailDir);
    await pay();
    await ui.page.getByRole('heading', { name: 'Thank you for giving £12.00 a month' }).waitFor();
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
    await ui.page.getByRole('button', { name: 'Join' }).click();
    await ui.page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    await ui.page.goto(`${baseUrl}/login?callbackUrl=%2Fsupport`);
    await ui.page.getByLabel('E-mail address', { exact: true }).fill(email);
    await ui.page.getByLabel('Password', { exact: true }).fill(password);
    await ui.page.getByRole('button', { name: 'Log in' }).click();
    await ui.page.waitForURL(`${baseUrl}/support`);

    await ui.page.getByLabel('Full name').fill('Monthly Leaver');
    await ui.page.getByRole('radio', { name: 'Give monthly' }).check();
    await ui.page.getByRole('radio', { name: 'Other amount' }).check();
    await ui.page.getByLabel('Other amount (£)').fill('9');
    await continueToCheckout();
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
    await ui.page.getByRole('radio', { name: 'Other amount' }).check();
    await ui.page.getByLabel('Other amount (£)').fill('1.50');
    await ui.page.getByLabel('Full name').fill('Guest Giver');
    await ui.page.getByLabel('E-mail address').fill('not-an-address');
    await ui.page.getByRole('button', { name: 'Continue to secure payment' }).click();
    await ui.page.getByText('Enter an amount from £2.00 to £25,000.00.').waitFor();
    await ui.page.getByText('Enter an e-mail address like name@example.org.').waitFor();
    expect(await ui.page.getByLabel('Full name').inputValue()).toBe('Guest Giver');
    expect(await ui.page.getByRole('radio', { name: 'Other amount' }).isChecked()).toBe(true);
    expect(ui.page.url()).toBe(`${baseUrl}/support`);

    await ui.page.getByLabel('Other amount (£)').fill('30');
    await ui.page.getByLabel('E-mail address').fill('guest.giver@example.org');
    await continueToCheckout();
    const checkoutPage = ui.page.url();
    await ui.page.getByRole('link', { name: 'Back' }).click();
    await ui.page.waitForURL(`${baseUrl}/support?resume=*`);
    await ui.page.getByText('Your payment was not completed and nothing was charged.').waitFor();
    expect(await ui.page.getByLabel('Other amount (£)').inputValue()).toBe('30');
    expect(await ui.page.getByLabel('Full name').inputValue()).toBe('Guest Giver');
    expect(await ui.page.getByLabel('E-mail address').inputValue()).toBe('guest.giver@example.org');

    // The same gift sent again goes back to the same open Checkout page, not a second one.
    await continueToCheckout();
    expect(ui.page.url()).toBe(checkoutPage);
  });

  it('turns away a form whose hidden honeypot field was filled in', async () => {
    await ui.page.goto(`${baseUrl}/support`);
    await ui.page.getByLabel('Full name').fill('Robot');
    await ui.page.getByLabel('E-mail address').fill('robot@example.org');
    await ui.page.locator('input[name="website"]').evaluate((input: HTMLInputElement) => {
      input.value = 'https://spam.example';
    });
    await ui.page.getByRole('button', { name: 'Continue to secure payment' }).click();
    await ui.page.getByRole('alert').getByText('We could not take this gift.').waitFor();
    expect(ui.page.url()).toBe(`${baseUrl}/support`);
  });
});
