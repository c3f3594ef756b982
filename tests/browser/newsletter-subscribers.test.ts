import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { testAccounts } from './accounts';
import { seriousViolations } from './axe';
import { browserPagePerTest } from './chromium';
import { inbox } from './mail-catcher';
import { logIn } from './people';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');
const ui = browserPagePerTest();
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'northgate-import-'));

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A CSV file on disk, as a person would pick it from their computer. */
function csvFile(name: string, lines: string[]): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  return file;
}

describe('importing subscribers', () => {
  it('previews a file, shows the line to put right, imports it, and an imported reader gets their preferences link', async () => {
    const reader = `imported.${unique()}@example.net`;
    const other = `imported.${unique()}@example.net`;
    // The shared editor's password is changed by other files.
    await logIn(ui.page, testAccounts.admin);
    await ui.page.goto(`${baseUrl}/admin/newsletters/subscribers`);
    await ui.page.getByRole('link', { name: 'Import from CSV' }).click();
    await ui.page.getByRole('heading', { level: 1, name: 'Import subscribers' }).waitFor();
    expect(await seriousViolations(ui.page)).toEqual([]);

    const fileInput = ui.page.getByLabel('CSV file');
    // Too large is said before the file is sent.
    await fileInput.setInputFiles({
      name: 'huge.csv',
      mimeType: 'text/csv',
      buffer: Buffer.alloc(6 * 1024 * 1024, 'a'),
    });
    await ui.page.getByRole('button', { name: 'Preview the import' }).click();
    await ui.page
      .locator('#import-file-error')
      .getByText('The file is larger than 5 MB: split it into smaller files. This one is 6 MB.')
      .waitFor();
    await fileInput.setInputFiles(
      csvFile('readers.csv', [
        'email,list,status',
        `${reader},The Weekly Briefing,subscribed`,
        `${other},no-such-list,subscribed`,
      ]),
    );
    await ui.page.getByRole('button', { name: 'Preview the import' }).click();
    const preview = ui.page.getByRole('region', { name: 'What readers.csv would do' });
    await preview.getByRole('alert').filter({ hasText: 'One line needs attention' }).waitFor();
    expect(await preview.getByRole('row', { name: /^3 There is no newsletter/ }).count()).toBe(1);
    expect(await preview.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    expect(await seriousViolations(ui.page)).toEqual([]);

    await fileInput.setInputFiles(
      csvFile('readers-fixed.csv', [
        'email,list,status',
        `${reader},The Weekly Briefing,subscribed`,
        `${other},fiscal-watch,unsubscribed`,
      ]),
    );
    // A preview of another file is not offered for import.
    expect(await preview.count()).toBe(0);
    await ui.page.getByRole('button', { name: 'Preview the import' }).click();
    const fixed = ui.page.getByRole('region', { name: 'What readers-fixed.csv would do' });
    await fixed.waitFor();
    expect(await fixed.getByRole('definition').allTextContents()).toEqual([
      '2',
      '0',
      '0',
      '0',
      '0',
    ]);
    await fixed.getByRole('button', { name: 'Import 2 rows' }).click();
    const done = ui.page.getByRole('region', { name: 'Imported readers-fixed.csv' });
    await done.waitFor();
    expect(await done.getByText('New subscriptions').count()).toBe(1);
    expect(await seriousViolations(ui.page)).toEqual([]);

    await done.getByRole('link', { name: 'See the subscribers' }).click();
    await ui.page.getByLabel('Source').selectOption({ label: 'Import' });
    await ui.page.getByRole('button', { name: 'Show subscribers' }).click();
    await ui.page.getByRole('cell', { name: reader }).waitFor();

    // The reader has no e-mail from us yet with their link: they ask for it.
    const visitor = await ui.browser.newPage();
    await visitor.goto(`${baseUrl}/newsletters`);
    const ask = visitor.getByRole('region', { name: 'Already subscribed?' });
    await ask.getByLabel('E-mail address').fill(reader.toUpperCase());
    const received = inbox(mailDir);
    await ask.getByRole('button', { name: 'E-mail me my link' }).click();
    await ask.getByRole('status').filter({ hasText: 'Check your inbox' }).waitFor();
    const mail = await received.next(reader, { subject: 'newsletter preferences' });
    const link = mail.text.match(/https?:\/\/\S+\/newsletters\/preferences\/[\w.-]+/)?.[0];
    expect(link).toBeDefined();
    await visitor.goto(link!);
    await visitor.getByRole('heading', { level: 1, name: 'Your newsletters' }).waitFor();
    expect(await visitor.getByRole('checkbox', { name: /The Weekly Briefing/ }).isChecked()).toBe(
      true,
    );
    await visitor.close();
    expect(ui.errors).toEqual([]);
  });
});

describe('the suppression list', () => {
  it('takes an address from an administrator, finds it, and gives it back after asking', async () => {
    const address = `never.${unique()}@example.net`;
    await logIn(ui.page, testAccounts.admin);
    await ui.page.goto(`${baseUrl}/admin/newsletters`);
    await ui.page
      .getByRole('navigation', { name: 'Editorial and administration' })
      .getByRole('link', { name: 'Suppressions' })
      .click();
    await ui.page.getByRole('heading', { level: 1, name: 'Suppression list' }).waitFor();

    const add = ui.page.getByRole('region', { name: 'Add an address' });
    await add.getByLabel('E-mail address').fill('not an address');
    await add.getByRole('button', { name: 'Add to the suppression list' }).click();
    await add.getByText('Enter an e-mail address like name@example.org.').first().waitFor();
    await add.getByLabel('E-mail address').fill(address);
    await add.getByLabel('Note (optional)').fill('Asked by phone never to be written to again');
    const requestSent = ui.page.waitForRequest(
      (request) => request.method() === 'POST' && !!request.headers()['next-action'],
    );
    await add.getByRole('button', { name: 'Add to the suppression list' }).click();
    const request = await requestSent;
    await add
      .getByRole('status')
      .filter({ hasText: `${address} is on the suppression list` })
      .waitFor();
    expect(await seriousViolations(ui.page)).toEqual([]);

    // Another site's page posting the same form in the administrator's name changes nothing.
    const forged = `forged.${unique()}@example.net`;
    const replay = await ui.page.request.post(`${baseUrl}/admin/newsletters/suppressions`, {
      headers: {
        'Next-Action': request.headers()['next-action']!,
        'Content-Type': request.headers()['content-type']!,
        Origin: 'https://elsewhere.example',
      },
      data: request.postDataBuffer()!.toString().replace(address, forged),
    });
    expect(replay.status()).toBeGreaterThanOrEqual(400);

    await ui.page.getByLabel('Address contains').fill(address.slice(0, 12).toUpperCase());
    await ui.page.getByRole('button', { name: 'Search' }).click();
    const row = ui.page.getByRole('row', { name: new RegExp(address.replace(/\./g, '\\.')) });
    await row.getByText('Asked by phone never to be written to again').waitFor();
    expect(await row.getByText('Added by an administrator').count()).toBe(1);

    await row.getByRole('button', { name: `Remove… ${address}` }).click();
    await row.getByText('The newsletters it is subscribed to will reach it again.').waitFor();
    await row.getByRole('button', { name: `Yes, remove ${address}` }).click();
    await ui.page
      .getByRole('status')
      .filter({ hasText: 'The address was taken off the list.' })
      .waitFor();
    await ui.page.getByLabel('Address contains').fill(address);
    await ui.page.getByRole('button', { name: 'Search' }).click();
    await ui.page.getByRole('heading', { name: 'No address matches' }).waitFor();
    await ui.page.getByLabel('Address contains').fill(forged);
    await ui.page.getByRole('button', { name: 'Search' }).click();
    await ui.page.getByText(`None on the list contains “${forged}”.`).waitFor();
    expect(ui.errors).toEqual([]);
  });
});

describe('a preferences link that does not work', () => {
  it('offers a new one, answering as it would any address (on a phone)', async () => {
    await ui.page.setViewportSize({ width: 390, height: 844 });
    const response = await ui.page.goto(`${baseUrl}/newsletters/preferences/not-a-real-key`);
    expect(response?.status()).toBe(404);
    await ui.page.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor();
    expect(await seriousViolations(ui.page)).toEqual([]);
    // The footer's sign-up has an address field too.
    const main = ui.page.getByRole('main');
    await main.getByLabel('E-mail address').fill('nobody.here@example.net');
    await main.getByRole('button', { name: 'E-mail me my link' }).click();
    await main
      .getByRole('status')
      .filter({ hasText: 'If nobody.here@example.net receives our newsletters' })
      .waitFor();
  });
});
