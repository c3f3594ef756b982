import { describe, expect, inject, it } from 'vitest';
import { testAccounts } from './accounts';
import { seriousViolations } from './axe';
import { browserPagePerTest } from './chromium';

const baseUrl = inject('baseUrl');
const ui = browserPagePerTest();

async function logIn(role: 'admin' | 'member', path: string) {
  await ui.page.goto(`${baseUrl}/login?callbackUrl=${encodeURIComponent(path)}`);
  await ui.page.getByLabel('E-mail address', { exact: true }).fill(testAccounts[role].email);
  await ui.page.getByLabel('Password', { exact: true }).fill(testAccounts[role].password);
  await ui.page.getByRole('button', { name: 'Log in' }).click();
}

describe('membership tiers in the admin', () => {
  it('an admin creates a tier, is told what to fix, and changes its price', async () => {
    await logIn('admin', '/admin/membership');
    await ui.page.waitForURL(`${baseUrl}/admin/membership`);
    await ui.page.getByRole('link', { name: 'New tier' }).click();
    await ui.page.getByLabel('Name', { exact: true }).fill('Associate');
    await ui.page.getByLabel('Description').fill('For readers who want the briefings first.');
    await ui.page
      .getByLabel('Benefits')
      .fill('Quarterly members’ briefing\nInvitations to roundtables');
    await ui.page.getByLabel('Monthly price').fill('twelve');
    await ui.page.getByRole('button', { name: 'Create tier' }).click();
    const error = ui.page.getByText('Monthly price: type an amount, such as 12 or 12.50.').first();
    await error.waitFor();
    // What was typed stays.
    expect(await ui.page.getByLabel('Description').inputValue()).toBe(
      'For readers who want the briefings first.',
    );

    await ui.page.getByLabel('Monthly price').fill('12');
    await ui.page.getByLabel('Yearly price').fill('£120');
    await ui.page.getByLabel('Free trial (days)').fill('14');
    await ui.page.getByRole('button', { name: 'Create tier' }).click();
    await ui.page.getByRole('status').getByText('Tier created.').waitFor();
    expect(await seriousViolations(ui.page)).toEqual([]);
    expect(await ui.page.getByLabel('Monthly price').inputValue()).toBe('12.00');
    expect(
      await ui.page.getByRole('checkbox', { name: 'The fee may carry Gift Aid' }).isChecked(),
    ).toBe(false);

    await ui.page.getByLabel('Monthly price').fill('15');
    await ui.page.getByRole('button', { name: 'Save tier' }).click();
    await ui.page.getByText('Saved.').waitFor();

    await ui.page.getByRole('link', { name: 'Membership tiers' }).first().click();
    await ui.page.waitForURL(`${baseUrl}/admin/membership`);
    const row = ui.page.getByRole('row', { name: /Associate/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/£15.*£120.*14 days.*Yes.*No/);
    expect(await seriousViolations(ui.page)).toEqual([]);

    await ui.page.goto(`${baseUrl}/admin/audit`);
    await ui.page.getByRole('cell', { name: 'membership_tier.updated' }).first().waitFor();
  });

  // An editor is refused too (tests/integration/membership-tiers.test.ts); the editor's test
  // account changes its password in another file, the member's does not.
  it('a member who finds the address is turned away with 403', async () => {
    await logIn('member', '/admin/membership');
    await ui.page.waitForURL(`${baseUrl}/admin/membership`);
    await ui.page.getByRole('heading', { name: 'This area is not open to you' }).waitFor();
    const response = await ui.page.goto(`${baseUrl}/admin/membership/new`);
    expect(response?.status()).toBe(403);
  });
});
