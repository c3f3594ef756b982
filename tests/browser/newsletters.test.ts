import { describe, expect, inject, it } from 'vitest';
import { testAccounts } from './accounts';
import { seriousViolations } from './axe';
import { browserPagePerTest } from './chromium';
import { inbox, linkIn } from './mail-catcher';
import { logIn } from './people';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');
const ui = browserPagePerTest();

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

describe('subscribing without an account', () => {
  it('signs up at the end of a piece, confirms by the e-mail’s button and changes preferences', async () => {
    const email = `reader.${unique()}@example.net`;
    await ui.page.goto(`${baseUrl}/articles/fiscal-rules-need-a-stress-test`);
    const signup = ui.page.getByRole('region', { name: 'Get Fiscal Watch by e-mail' });
    await signup.getByLabel('E-mail address').fill(email);
    const received = inbox(mailDir);
    await signup.getByRole('button', { name: 'Sign up' }).click();
    await signup.getByRole('status').filter({ hasText: 'Check your inbox' }).waitFor();
    expect(await signup.getByRole('status').textContent()).toContain(email);

    const mail = await received.next(email, { subject: 'Confirm your subscription' });
    expect(mail.subject).toBe('Confirm your subscription to Fiscal Watch');
    expect(mail.text).toContain('Fiscal Watch: When a new piece appears');
    // Opening the link changes nothing; the button on its page confirms.
    await ui.page.goto(linkIn(mail.text, 'newsletters/confirm'));
    expect(await seriousViolations(ui.page)).toEqual([]);
    await ui.page.getByRole('button', { name: 'Confirm my subscription' }).click();
    await ui.page.getByText('Thank you: you are subscribed to Fiscal Watch.').waitFor();

    await ui.page.getByRole('link', { name: 'Choose your newsletters' }).click();
    await ui.page.getByRole('heading', { level: 1, name: 'Your newsletters' }).waitFor();
    expect(await ui.page.getByText(`For ${email}.`).count()).toBe(1);
    expect(await ui.page.getByRole('checkbox', { name: /Fiscal Watch/ }).isChecked()).toBe(true);
    await ui.page.getByRole('checkbox', { name: /The Weekly Briefing/ }).check();
    await ui.page.getByRole('checkbox', { name: /Fiscal Watch/ }).uncheck();
    await ui.page.getByRole('button', { name: 'Save my choice' }).click();
    await ui.page.getByText('Saved. You receive: The Weekly Briefing.').waitFor();
    expect(await seriousViolations(ui.page)).toEqual([]);

    // The choice holds when the page is opened again.
    await ui.page.reload();
    expect(await ui.page.getByRole('checkbox', { name: /The Weekly Briefing/ }).isChecked()).toBe(
      true,
    );
    expect(await ui.page.getByRole('checkbox', { name: /Fiscal Watch/ }).isChecked()).toBe(false);

    await ui.page.getByRole('button', { name: 'Unsubscribe from everything' }).click();
    await ui.page.getByText('You are unsubscribed from every newsletter.').waitFor();
    expect(await ui.page.getByRole('checkbox', { checked: true }).count()).toBe(0);
    expect(ui.errors).toEqual([]);
  });

  it('answers the same for a known address, and says what to put right (on a phone)', async () => {
    await ui.page.setViewportSize({ width: 390, height: 844 });
    await ui.page.goto(`${baseUrl}/newsletters`);
    expect(await seriousViolations(ui.page)).toEqual([]);
    const signup = ui.page.getByRole('region', { name: 'Sign up' });
    await signup.getByLabel('E-mail address').fill('not an address');
    await signup.getByRole('button', { name: 'Sign up' }).click();
    await signup.getByText('Enter an e-mail address like name@example.org.').waitFor();
    expect(
      await signup
        .getByLabel('E-mail address')
        .evaluate((input) => input === document.activeElement),
    ).toBe(true);

    await signup.getByLabel('E-mail address').fill(testAccounts.member.email);
    await signup.getByRole('checkbox', { name: /The Weekly Briefing/ }).uncheck();
    await signup.getByRole('button', { name: 'Sign up' }).click();
    await signup.getByText('Choose at least one newsletter.').waitFor();
    expect(await signup.getByLabel('E-mail address').inputValue()).toBe(testAccounts.member.email);
    await signup.getByRole('checkbox', { name: /Events and launches/ }).check();
    const received = inbox(mailDir);
    await signup.getByRole('button', { name: 'Sign up' }).click();
    await signup.getByRole('status').filter({ hasText: 'Check your inbox' }).waitFor();
    const mail = await received.next(testAccounts.member.email, { subject: 'Events and launches' });
    expect(mail.subject).toBe('Confirm your subscription to Events and launches');
    expect(ui.errors).toEqual([]);
  });

  it('is offered in every page’s footer', async () => {
    await ui.page.goto(`${baseUrl}/people`);
    const footer = ui.page.getByRole('contentinfo');
    await footer.getByRole('heading', { name: 'The Weekly Briefing' }).waitFor();
    const email = `footer.${unique()}@example.net`;
    await footer.getByLabel('E-mail address').fill(email);
    const received = inbox(mailDir);
    await footer.getByRole('button', { name: 'Sign up' }).click();
    await footer.getByRole('status').filter({ hasText: 'Check your inbox' }).waitFor();
    const mail = await received.next(email, { subject: 'Confirm your subscription' });
    expect(mail.subject).toBe('Confirm your subscription to The Weekly Briefing');
  });
});

describe('without JavaScript', () => {
  it('signs up, confirms and unsubscribes from everything', async () => {
    const context = await ui.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const email = `plain.${unique()}@example.net`;
    await page.goto(`${baseUrl}/newsletters`);
    const signup = page.getByRole('region', { name: 'Sign up' });
    await signup.getByLabel('E-mail address').fill(email);
    const received = inbox(mailDir);
    await signup.getByRole('button', { name: 'Sign up' }).click();
    await page.getByText('Check your inbox.').waitFor();
    const mail = await received.next(email, { subject: 'Confirm your subscription' });

    await page.goto(linkIn(mail.text, 'newsletters/confirm'));
    await page.getByRole('button', { name: 'Confirm my subscription' }).click();
    await page.getByText('Thank you: you are subscribed to The Weekly Briefing.').waitFor();
    await page.getByRole('link', { name: 'Choose your newsletters' }).click();
    await page.getByRole('button', { name: 'Unsubscribe from everything' }).click();
    await page.getByText('You are unsubscribed from every newsletter.').waitFor();

    // The spent link says so, and offers a new one.
    await page.goto(linkIn(mail.text, 'newsletters/confirm'));
    await page.getByRole('button', { name: 'Confirm my subscription' }).click();
    await page.getByText('This link has already been used, or has expired.').waitFor();
    await page.getByRole('link', { name: 'Sign up again' }).waitFor();
    await context.close();
  });
});

describe('a member’s newsletters', () => {
  it('are chosen in the account', async () => {
    await logIn(ui.page, testAccounts.member);
    await ui.page.goto(`${baseUrl}/account`);
    const section = ui.page.getByRole('region', { name: 'Newsletters' });
    await section.getByRole('checkbox', { name: /Energy and Climate/ }).check();
    await section.getByRole('button', { name: 'Save my choice' }).click();
    await section.getByText(/Saved\. You receive: .*Energy and Climate/).waitFor();
    await ui.page.reload();
    expect(
      await ui.page
        .getByRole('region', { name: 'Newsletters' })
        .getByRole('checkbox', { name: /Energy and Climate/ })
        .isChecked(),
    ).toBe(true);
    expect(ui.errors).toEqual([]);
  });
});

describe('newsletters in the admin', () => {
  it('lets an editor add a list that follows a topic, offered to readers at once', async () => {
    // An administrator is an editor too; the shared editor's password is changed by other files.
    await logIn(ui.page, testAccounts.admin);
    await ui.page.goto(`${baseUrl}/admin/newsletters`);
    expect(await seriousViolations(ui.page)).toEqual([]);
    await ui.page.getByRole('link', { name: 'New newsletter' }).click();
    const name = `Trade Notes ${unique()}`;
    await ui.page.getByLabel('Name').fill(name);
    await ui.page.getByLabel('How often').fill('When a new piece appears');
    await ui.page.getByLabel('How it is sent').selectOption({ label: 'Each new piece on a topic' });
    await ui.page.getByRole('button', { name: 'Create newsletter' }).click();
    await ui.page
      .locator('#list-topic-error')
      .getByText('Choose which topic it follows.')
      .waitFor();
    await ui.page.getByLabel('Topic it follows').selectOption({ label: 'Trade' });
    await ui.page.getByRole('button', { name: 'Create newsletter' }).click();
    await ui.page.getByText('Newsletter created.').waitFor();
    expect(await seriousViolations(ui.page)).toEqual([]);

    const visitor = await ui.browser.newPage();
    await visitor.goto(`${baseUrl}/newsletters`);
    await visitor.getByRole('heading', { name }).waitFor();
    await visitor.close();
    expect(ui.errors).toEqual([]);
  });
});
