import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { testAccounts } from './accounts';
import { seriousViolations } from './axe';
import { browserPagePerTest } from './chromium';
import { inbox, linkIn } from './mail-catcher';
import { newPerson, type Person } from './people';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');
const ui = browserPagePerTest();
const membersArticle = '/articles/spending-review-in-five-charts';
const membersSentence = 'Health takes the lion’s share again';

async function openTeaserAndJoin(page: Page) {
  await page.goto(`${baseUrl}${membersArticle}`);
  await page
    .getByRole('region', { name: 'This piece is for members' })
    .getByRole('link', { name: 'Become a member' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Become a member' }).waitFor();
}

/** Opens the verification e-mail, follows its link and presses the button on the page. */
async function verifyFromTheEmail(page: Page, person: Person, received: ReturnType<typeof inbox>) {
  const mail = await received.next(person.email, { subject: 'Verify' });
  // The e-mail offers the link and its button only: no code to type, with nowhere to type it.
  expect(mail.text).not.toMatch(/\b\d{6}\b/);
  await page.goto(linkIn(mail.text, 'verify-email'));
  await page.getByRole('heading', { level: 1, name: 'Verify your e-mail address' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Verify my e-mail address' }).click();
}

async function readsTheWholePiece(page: Page) {
  await page.waitForURL(`${baseUrl}${membersArticle}`);
  await page.getByText(membersSentence).waitFor();
  expect(await page.getByText('This piece is for members').count()).toBe(0);
}

describe('joining from a members-only piece', () => {
  it('leads back to the piece once the address is verified', async () => {
    const person = newPerson('Paywall Joiner', 'paywall');
    await openTeaserAndJoin(ui.page);
    await ui.page.getByLabel('Name').fill(person.name);
    await ui.page.getByLabel('E-mail address', { exact: true }).fill(person.email);
    await ui.page.getByLabel('Password', { exact: true }).fill(person.password);
    await ui.page.getByRole('checkbox', { name: /privacy notice/ }).check();
    const received = inbox(mailDir);
    await ui.page.getByRole('button', { name: 'Join' }).click();
    await ui.page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    await ui.page.getByText('brings you back to the page you came from').waitFor();

    await verifyFromTheEmail(ui.page, person, received);
    await readsTheWholePiece(ui.page);
    expect(ui.errors).toEqual([]);
  });

  it('sends a member who is already signed in on to the piece, not to a second account', async () => {
    await ui.page.goto(`${baseUrl}/login`);
    await ui.page.getByLabel('E-mail address', { exact: true }).fill(testAccounts.member.email);
    await ui.page.getByLabel('Password', { exact: true }).fill(testAccounts.member.password);
    await ui.page.getByRole('button', { name: 'Log in' }).click();
    await ui.page.waitForURL(`${baseUrl}/account`);
    await ui.page.goto(`${baseUrl}/join?callbackUrl=${encodeURIComponent(membersArticle)}`);
    await readsTheWholePiece(ui.page);
    expect(ui.errors).toEqual([]);
  });

  it('keeps what was typed, but not the password, when the form has a problem (on a phone)', async () => {
    await ui.page.setViewportSize({ width: 390, height: 844 });
    const person = newPerson('Phone Joiner', 'phone');
    await openTeaserAndJoin(ui.page);
    await ui.page.getByLabel('Name').fill(person.name);
    await ui.page.getByLabel('E-mail address', { exact: true }).fill(person.email);
    await ui.page.getByLabel('Password', { exact: true }).fill('too short');
    await ui.page.getByRole('checkbox', { name: /privacy notice/ }).check();
    await ui.page.getByRole('checkbox', { name: /newsletter/ }).check();
    await ui.page.getByRole('button', { name: 'Join' }).click();

    const password = ui.page.getByLabel('Password', { exact: true });
    await ui.page.getByText('Use at least 12 characters.').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await ui.page.getByLabel('Name').inputValue()).toBe(person.name);
    expect(await ui.page.getByLabel('E-mail address', { exact: true }).inputValue()).toBe(
      person.email,
    );
    expect(await password.inputValue()).toBe('');
    expect(await ui.page.getByRole('checkbox', { name: /newsletter/ }).isChecked()).toBe(true);
    expect(await ui.page.getByRole('checkbox', { name: /privacy notice/ }).isChecked()).toBe(true);
    expect(await seriousViolations(ui.page)).toEqual([]);

    // Only the password needs typing again; the way back to the piece is kept too.
    await password.fill(person.password);
    const received = inbox(mailDir);
    await ui.page.getByRole('button', { name: 'Join' }).click();
    await ui.page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    await verifyFromTheEmail(ui.page, person, received);
    await readsTheWholePiece(ui.page);
    expect(ui.errors).toEqual([]);
  });
});
