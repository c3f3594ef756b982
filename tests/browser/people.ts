import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { inbox, linkIn } from './mail-catcher';

export interface Person {
  name: string;
  email: string;
  password: string;
}

/** Someone new, with an address no other test uses. */
export function newPerson(name: string, label: string): Person {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { name, email: `${label}.${stamp}@example.org`, password: `a long ${label} passphrase` };
}

/** Types into the join form in view and sends it, as a person does. */
async function sendJoinForm(page: Page, person: Person) {
  await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('E-mail address', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('checkbox', { name: /privacy notice/ }).check();
  await page.getByRole('button', { name: 'Join' }).click();
}

/** Joins at /join and verifies the address from the e-mail, which signs the person in. */
export async function joinAndVerify(page: Page, person: Person) {
  const received = inbox(inject('mailDir'));
  await page.goto(`${inject('baseUrl')}/join`);
  await sendJoinForm(page, person);
  await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
  const mail = await received.next(person.email, { subject: 'Verify' });
  await page.goto(linkIn(mail.text, 'verify-email'));
  await page.getByRole('button', { name: 'Verify my e-mail address' }).click();
  await page.waitForURL(/\/account\?welcome=1$/);
}

/** Logs in with a password from the log-in page and waits for the account page. */
export async function logIn(page: Page, account: { email: string; password: string }) {
  const baseUrl = inject('baseUrl');
  await page.goto(`${baseUrl}/login?callbackUrl=%2Faccount`);
  await page.getByLabel('E-mail address', { exact: true }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${baseUrl}/account`);
}
