import fs from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { testAccounts } from './accounts';
import { seriousViolations } from './axe';
import { browserPagePerTest } from './chromium';
import { inbox } from './mail-catcher';

const baseUrl = inject('baseUrl');
const stripeUrl = inject('stripeUrl');
const mailDir = inject('mailDir');
const ui = browserPagePerTest();

// The London date of today, as the date fields and HMRC's schedule show it.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
const [year, month, day] = today.split('-');

describe('donations for admins', () => {
  it('a guest’s Gift Aid gift appears in the admin list and in the HMRC claim schedule', async () => {
    await ui.page.goto(`${baseUrl}/support`);
    await ui.page.getByLabel('Other amount (£)').fill('40');
    await ui.page.getByLabel('Full name').fill('Ifeoma Adebayo-Clarke');
    await ui.page.getByLabel('E-mail address').fill('ifeoma@example.org');
    await ui.page.getByRole('checkbox', { name: 'Yes, add Gift Aid to my gift' }).check();
    await ui.page.getByLabel('Title (optional)').fill('Ms');
    await ui.page.getByLabel('First name').fill('Ifeoma');
    await ui.page.getByLabel('Last name').fill('Adebayo-Clarke');
    await ui.page.getByLabel('House name or number').fill('Flat 3, Rook House');
    await ui.page.getByLabel('Postcode').fill('ls1 4ap');
    await ui.page.getByRole('button', { name: 'Give £40 now' }).click();
    await ui.page.waitForURL(`${stripeUrl}/**`);
    const mail = inbox(mailDir);
    await ui.page.getByRole('button', { name: 'Pay' }).click();
    await ui.page.getByRole('heading', { name: 'Thank you for your gift of £40.00' }).waitFor();
    // The admin looks later, once Stripe's webhooks, which follow the donor, have arrived.
    expect((await fetch(`${stripeUrl}/__control/idle`)).status).toBe(200);
    const receipt = await mail.next('ifeoma@example.org', { subject: 'receipt' });
    expect(receipt.text).toContain('We received your gift of £40.00');

    await ui.page.goto(`${baseUrl}/login?callbackUrl=%2Fadmin%2Fdonations`);
    await ui.page.getByLabel('E-mail address', { exact: true }).fill(testAccounts.admin.email);
    await ui.page.getByLabel('Password', { exact: true }).fill(testAccounts.admin.password);
    await ui.page.getByRole('button', { name: 'Log in' }).click();
    await ui.page.waitForURL(`${baseUrl}/admin/donations`);
    await ui.page.getByText('ifeoma@example.org').first().waitFor();
    expect(await seriousViolations(ui.page)).toEqual([]);

    await ui.page.getByLabel('From', { exact: true }).fill(today);
    await ui.page.getByLabel('To', { exact: true }).fill(today);
    await ui.page.getByRole('button', { name: 'Show donations' }).click();
    await ui.page.waitForURL(/\/admin\/donations\?.*from=/);
    const [download] = await Promise.all([
      ui.page.waitForEvent('download'),
      ui.page.getByRole('link', { name: /Download the Gift Aid claim schedule/ }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toBe(
      'Title,First name or initial,Last name,House name or number,Postcode,Aggregated donations,Sponsored event,Donation date,Amount',
    );
    expect(rows).toContain(
      `Ms,Ifeoma,Adebayo-Clarke,"Flat 3, Rook House",LS1 4AP,,,${day}/${month}/${year!.slice(2)},40.00`,
    );

    // The receipt went out through the e-mail outbox, which admins watch for failures.
    await ui.page
      .getByRole('navigation', { name: 'Editorial and administration' })
      .getByRole('link', { name: 'E-mail', exact: true })
      .click();
    await ui.page.waitForURL(`${baseUrl}/admin/email`);
    await ui.page.getByRole('heading', { name: 'E-mail delivery' }).waitFor();
    await ui.page.getByRole('heading', { name: 'Nothing is failing' }).waitFor();
    // The receipt delivered above is among those the page counts as sent.
    const sent = ui.page.getByRole('term').filter({ hasText: 'Sent (last 30 days)' });
    expect(Number(await sent.locator('xpath=following-sibling::dd').textContent())).toBeGreaterThan(
      0,
    );
    expect(await seriousViolations(ui.page)).toEqual([]);
  });
});
