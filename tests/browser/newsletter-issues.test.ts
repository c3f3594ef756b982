import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { testAccounts } from './accounts';
import { seriousViolations } from './axe';
import { browserPagePerTest } from './chromium';
import { inbox, linkIn } from './mail-catcher';
import { joinAndVerify, logIn, newPerson } from './people';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');
const ui = browserPagePerTest();

const membersPiece = 'The spending review in five charts';
const publicPiece = 'Britain’s fiscal rules need a stress test, not another rewrite';
// The opening of the members' piece: only those who may read it get it.
const membersText = 'This briefing is for members of the Institute.';

/** Adds a piece to the issue from the picker, by its title, as an editor chooses it. */
async function addPiece(page: Page, title: string) {
  const picker = page.getByLabel('Add a published piece');
  const label = await picker.locator('option', { hasText: title }).first().textContent();
  await picker.selectOption({ label: label! });
  await page.getByRole('button', { name: 'Add to the issue' }).click();
}

describe('an editor sends an issue', () => {
  it('reaches a member with the members’ piece and a reader with an invitation to join', async () => {
    const editor = ui.page;
    await logIn(editor, testAccounts.admin);
    const listName = `Members’ Desk ${Date.now().toString(36)}`;
    await editor.goto(`${baseUrl}/admin/newsletters/new`);
    await editor.getByLabel('Name').fill(listName);
    await editor.getByLabel('How often').fill('Now and then');
    await editor.getByRole('button', { name: 'Create newsletter' }).click();
    await editor.getByText('Newsletter created.').waitFor();

    // A member subscribes from their account, a reader without one from the newsletters page.
    const memberContext = await ui.browser.newContext();
    const member = await memberContext.newPage();
    const memberPerson = newPerson('Mina Member', 'issue-member');
    await joinAndVerify(member, memberPerson);
    const choices = member.getByRole('region', { name: 'Newsletters' });
    await choices.getByRole('checkbox', { name: new RegExp(listName) }).check();
    await choices.getByRole('button', { name: 'Save my choice' }).click();
    await choices.getByText(new RegExp(`Saved\\. You receive: .*${listName}`)).waitFor();
    await memberContext.close();

    const readerContext = await ui.browser.newContext();
    const reader = await readerContext.newPage();
    const readerEmail = newPerson('Rea Reader', 'issue-reader').email;
    await reader.goto(`${baseUrl}/newsletters`);
    const signup = reader.getByRole('region', { name: 'Sign up' });
    await signup.getByLabel('E-mail address').fill(readerEmail);
    for (const box of await signup.getByRole('checkbox', { checked: true }).all()) {
      await box.uncheck();
    }
    await signup.getByRole('checkbox', { name: new RegExp(listName) }).check();
    let received = inbox(mailDir);
    await signup.getByRole('button', { name: 'Sign up' }).click();
    const confirmation = await received.next(readerEmail, { subject: 'Confirm' });
    await reader.goto(linkIn(confirmation.text, 'newsletters/confirm'));
    await reader.getByRole('button', { name: 'Confirm my subscription' }).click();
    await reader.getByText(`Thank you: you are subscribed to ${listName}.`).waitFor();

    // The editor writes the issue.
    await editor.goto(`${baseUrl}/admin/newsletters/issues`);
    expect(await seriousViolations(editor)).toEqual([]);
    await editor.getByRole('link', { name: 'Write an issue' }).click();
    await editor.getByLabel('Newsletter', { exact: true }).selectOption({ label: listName });
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await editor.getByText('Give the issue a subject line.').first().waitFor();
    const subject = `Inside the spending review ${Date.now().toString(36)}`;
    await editor.getByLabel('Subject').fill(subject);
    await editor.getByLabel('Preview line').fill('Five charts, and what they leave out');
    await editor.getByLabel('Introduction').fill('This week: **the spending review**.');
    await addPiece(editor, membersPiece);
    await addPiece(editor, publicPiece);
    await editor.getByRole('button', { name: `Move ${publicPiece} up` }).click();
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await editor.getByText('Draft saved. The preview below shows it.').waitFor();
    expect(await seriousViolations(editor)).toEqual([]);

    // The preview, as each kind of recipient gets it, at both widths.
    const frame = editor.frameLocator('iframe[title^="Preview of"]');
    await frame.getByText(membersText).waitFor();
    await editor.getByRole('radio', { name: 'As a non-member' }).check();
    await frame.getByText('Members read it in full.').waitFor();
    expect(await frame.getByText(membersText).count()).toBe(0);
    await editor.getByRole('radio', { name: 'Phone (390 px)' }).check();
    const box = await editor.locator('iframe[title^="Preview of"]').boundingBox();
    expect(Math.round(box!.width)).toBe(390);
    const cards = await frame.locator('h2').allTextContents();
    expect(cards).toEqual([publicPiece, membersPiece]);

    const admin = testAccounts.admin.email;
    received = inbox(mailDir);
    await editor.getByRole('button', { name: 'Send me a test' }).click();
    await editor.getByText(`Test sent to ${admin}: two e-mails`).waitFor();
    const test = await received.next(admin, { subject: `[Test as a non-member] ${subject}` });
    expect(test.text).not.toContain(membersText);

    // Sending needs a second, named step.
    received = inbox(mailDir);
    await editor.getByRole('button', { name: 'Send now…' }).click();
    await editor.getByRole('button', { name: 'Yes, send to 2 subscribers' }).click();
    await editor.getByText('Sending to 2 subscribers.').waitFor();

    const toMember = await received.next(memberPerson.email, { subject, timeoutMs: 45_000 });
    const toReader = await received.next(readerEmail, { subject, timeoutMs: 45_000 });
    expect(toMember.text).toContain(membersText);
    expect(toMember.html).toContain(membersText);
    expect(toReader.text).not.toContain(membersText);
    expect(toReader.html).not.toContain(membersText);
    expect(toReader.text).toContain('Members read it in full.');
    expect(toReader.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    // The reader's mail program unsubscribes them by the header's link, in one POST.
    const oneClick = /<(https?:[^>]+)>/.exec(toReader.headers['list-unsubscribe'] ?? '')?.[1];
    expect(oneClick?.startsWith(baseUrl)).toBe(true);
    const answer = await fetch(oneClick!, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(answer.status).toBe(200);
    const preferences = /Choose your newsletters: (\S+)/.exec(toReader.text)?.[1];
    await reader.goto(preferences!);
    expect(await reader.getByRole('checkbox', { name: new RegExp(listName) }).isChecked()).toBe(
      false,
    );
    await readerContext.close();

    // The editor sees the send counted.
    await expect
      .poll(
        async () => {
          await editor.reload();
          return editor.getByRole('main').textContent();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toMatch(/Sent\s*2/);
    await editor.getByRole('heading', { name: 'The send' }).waitFor();
    expect(await editor.getByRole('button', { name: 'Send now…' }).count()).toBe(0);
    expect(ui.errors).toEqual([]);
  }, 180_000);
});

describe('the supporters’ newsletter', () => {
  it('reaches a donor who did not refuse it on the form, and not one who did', async () => {
    const stamp = Date.now().toString(36);
    const keen = `keen.donor.${stamp}@example.org`;
    const shy = `shy.donor.${stamp}@example.org`;
    for (const [email, refuse] of [
      [keen, false],
      [shy, true],
    ] as const) {
      const context = await ui.browser.newContext();
      const donor = await context.newPage();
      await donor.goto(`${baseUrl}/support`);
      await donor
        .getByText(
          'As a supporter, you will get The Weekly Briefing (Every Friday morning) by e-mail',
        )
        .waitFor();
      await donor.getByLabel('Other amount (£)').fill('12');
      await donor.getByLabel('Full name').fill('Dana Donor');
      await donor.getByLabel('E-mail address').fill(email);
      const refusal = donor.getByRole('checkbox', { name: 'No thanks: do not send it to me.' });
      if (refuse) await refusal.check();
      expect(await seriousViolations(donor)).toEqual([]);
      await donor.getByRole('button', { name: 'Give £12 now', exact: true }).click();
      await donor.getByRole('button', { name: 'Pay' }).click();
      await donor.waitForURL(`${baseUrl}/support/thank-you?session_id=*`);
      await context.close();
    }

    await logIn(ui.page, testAccounts.admin);
    const shown = async () => {
      await ui.page.goto(`${baseUrl}/admin/newsletters/subscribers`);
      await ui.page.getByLabel('Source').selectOption({ label: 'Soft opt-in' });
      await ui.page.getByRole('button', { name: 'Show subscribers' }).click();
      await ui.page.waitForURL(/source=soft_opt_in/);
      return ui.page.getByRole('main').textContent();
    };
    // The gift is paid when Stripe's webhook arrives, a moment after the thank-you page.
    await expect.poll(shown, { timeout: 20_000, interval: 1000 }).toContain(keen);
    expect(await ui.page.getByRole('main').textContent()).not.toContain(shy);
    expect(ui.errors).toEqual([]);
  }, 120_000);
});
