import { describe, expect, inject, it } from 'vitest';
import { testAccounts } from './accounts';
import { browserPagePerTest } from './chromium';
import { inbox, linkIn } from './mail-catcher';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');
const ui = browserPagePerTest();
const membersArticle = '/articles/spending-review-in-five-charts';
const membersSentence = 'Health takes the lion’s share again';

async function join(name: string, email: string, password: string, page = ui.page) {
  await page.goto(`${baseUrl}/join`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('checkbox', { name: /privacy notice/ }).check();
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
}

/** Joins, then verifies the address from the e-mail, which signs the new member in. */
async function joinAndVerify(name: string, email: string, password: string, page = ui.page) {
  const received = inbox(mailDir);
  await join(name, email, password, page);
  const mail = await received.next(email, { subject: 'Verify' });
  await page.goto(linkIn(mail.text, 'verify-email'));
  await page.getByRole('button', { name: 'Verify my e-mail address' }).click();
  await page.waitForURL(`${baseUrl}/account?welcome=1`);
}

async function logIn(email: string, password: string, callbackUrl?: string) {
  const query = callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : '';
  await ui.page.goto(`${baseUrl}/login${query}`);
  await ui.page.getByLabel('E-mail address', { exact: true }).fill(email);
  await ui.page.getByLabel('Password', { exact: true }).fill(password);
  await ui.page.getByRole('button', { name: 'Log in' }).click();
}

describe('members', () => {
  it('log in from a members-only teaser, read the whole piece, log out and see the teaser again', async () => {
    await ui.page.goto(`${baseUrl}${membersArticle}`);
    await ui.page
      .getByRole('region', { name: 'This piece is for members' })
      .getByRole('link', { name: 'Members’ log in' })
      .click();
    await ui.page.waitForURL(/\/login\?callbackUrl=/);

    await ui.page.getByLabel('E-mail address', { exact: true }).fill(testAccounts.member.email);
    await ui.page.getByLabel('Password', { exact: true }).fill('not the right password');
    await ui.page.getByRole('button', { name: 'Log in' }).click();
    await ui.page.getByText('That e-mail address and password do not match an account.').waitFor();
    expect(await ui.page.getByLabel('E-mail address', { exact: true }).inputValue()).toBe(
      testAccounts.member.email,
    );
    expect(await ui.page.getByLabel('Password', { exact: true }).inputValue()).toBe('');

    await ui.page.getByLabel('Password', { exact: true }).fill(testAccounts.member.password);
    await ui.page.getByRole('button', { name: 'Log in' }).click();
    await ui.page.waitForURL(`${baseUrl}${membersArticle}`);
    expect(await ui.page.getByText(membersSentence).count()).toBe(1);
    expect(await ui.page.getByText('This piece is for members').count()).toBe(0);

    const cookies = await ui.page.context().cookies();
    const session = cookies.find((cookie) => cookie.name.includes('authjs.session-token'))!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');

    await ui.page.goto(`${baseUrl}/account`);
    expect(await ui.page.getByText('Free account, verified', { exact: true }).count()).toBe(1);
    await ui.page.getByRole('main').getByRole('button', { name: 'Log out', exact: true }).click();
    await ui.page.waitForURL(`${baseUrl}/`);
    await ui.page.goto(`${baseUrl}${membersArticle}`);
    expect(await ui.page.getByText(membersSentence).count()).toBe(0);
    expect(await ui.page.getByText('This piece is for members').count()).toBe(1);
    expect(ui.errors).toEqual([]);
  });

  it('ignore a callbackUrl that leads off the site, however it is spelled', async () => {
    await logIn(
      testAccounts.member.email,
      testAccounts.member.password,
      'https://evil.example/phish',
    );
    await ui.page.waitForURL(`${baseUrl}/account`);
    for (const spelling of [
      '/..//evil.example/x',
      '/%2e%2e//evil.example/x',
      '/.//evil.example/x',
      '/a/../..//evil.example/x',
    ]) {
      // Signed in already, the log-in page sends the reader straight on.
      await ui.page.goto(`${baseUrl}/login?callbackUrl=${encodeURIComponent(spelling)}`);
      await ui.page.waitForURL(`${baseUrl}/account`);
    }
    await ui.page.getByRole('main').getByRole('button', { name: 'Log out', exact: true }).click();
    await ui.page.waitForURL(`${baseUrl}/`);
    await logIn(testAccounts.member.email, testAccounts.member.password, '/..//evil.example/x');
    await ui.page.waitForURL(`${baseUrl}/account`);
  });

  it('are answered the same for an unknown address as for a wrong password', async () => {
    await logIn('nobody-here@example.org', 'some long password');
    const unknown = await ui.page.getByText('do not match').textContent();
    await logIn(testAccounts.editor.email, 'some long password');
    const wrong = await ui.page.getByText('do not match').textContent();
    expect(unknown).toBe(wrong);
  });

  it('are throttled after repeated wrong passwords, and told when to try again', async () => {
    // Throttling is per address whether or not it has an account.
    const email = `throttled.${Date.now()}@example.org`;
    for (let attempt = 0; attempt < 10; attempt++) {
      await logIn(email, `wrong password number ${attempt}`);
      await ui.page.getByText('do not match').waitFor();
    }
    await logIn(email, 'any long password at all');
    await ui.page.getByText(/Too many attempts\. Try again in \d+ minutes?\./).waitFor();
    expect(ui.page.url()).toContain('/login');
  });
});

describe('the admin entrance', () => {
  it('sends a visitor to log in and turns a member away with 403', async () => {
    await ui.page.goto(`${baseUrl}/admin`);
    await ui.page.waitForURL(/\/login\?callbackUrl=%2Fadmin/);
    await logIn(testAccounts.member.email, testAccounts.member.password, '/admin');
    await ui.page.waitForURL(`${baseUrl}/admin`);
    expect(await ui.page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'This area is not open to you',
    );
    const response = await ui.page.goto(`${baseUrl}/admin`);
    expect(response?.status()).toBe(403);
  });

  it('lets an editor in', async () => {
    await logIn(testAccounts.editor.email, testAccounts.editor.password, '/admin');
    await ui.page.waitForURL(`${baseUrl}/admin`);
    expect(await ui.page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Editorial and administration',
    );
  });
});

describe('joining', () => {
  it('join, verify by the e-mailed link (a button, not the GET), log in and read members-only work', async () => {
    const email = `new.member.${Date.now()}@example.org`;
    const password = 'a freshly chosen passphrase';
    await ui.page.goto(`${baseUrl}/join`);
    await ui.page.getByRole('button', { name: 'Join' }).click();
    await ui.page.getByText('Enter your name.').waitFor();
    expect(await ui.page.getByText('Please agree to the privacy notice to join.').count()).toBe(1);

    await ui.page.getByLabel('Name').fill('New Member');
    await ui.page.getByLabel('E-mail address', { exact: true }).fill(email);
    await ui.page.getByLabel('Password', { exact: true }).fill('passwordpassword');
    await ui.page.getByRole('button', { name: 'Join' }).click();
    await ui.page.getByText('This password is too common').waitFor();
    expect(await ui.page.getByLabel('Name').inputValue()).toBe('New Member');
    expect(await ui.page.getByLabel('E-mail address', { exact: true }).inputValue()).toBe(email);

    await ui.page.getByLabel('Password', { exact: true }).fill(password);
    await ui.page.getByRole('checkbox', { name: /privacy notice/ }).check();
    const received = inbox(mailDir);
    await ui.page.getByRole('button', { name: 'Join' }).click();
    await ui.page.getByRole('heading', { name: 'Check your inbox' }).waitFor();

    const mail = await received.next(email);
    expect(mail.subject).toContain('Verify your e-mail address');
    expect(mail.text).toContain('Did not join?');
    const link = linkIn(mail.text, 'verify-email');
    expect(mail.html).toContain(link.replaceAll('&', '&amp;'));

    // Opening the link, as a mail scanner would, verifies nothing; and until the address is
    // verified its password opens nothing either: a new link is sent instead.
    await ui.page.goto(link);
    const resent = inbox(mailDir);
    await logIn(email, password, membersArticle);
    await ui.page.getByText('Your e-mail address is not verified yet').waitFor();
    expect(ui.page.url()).toContain('/login');
    const again = await resent.next(email, { subject: 'Verify' });
    expect(linkIn(again.text, 'verify-email')).not.toBe(link);

    // Pressing the button verifies the address and signs the member in.
    await ui.page.goto(link);
    await ui.page.getByRole('button', { name: 'Verify my e-mail address' }).click();
    await ui.page.waitForURL(`${baseUrl}/account?welcome=1`);
    await ui.page.getByText('Your e-mail address is verified and you are signed in.').waitFor();
    await ui.page.goto(`${baseUrl}${membersArticle}`);
    expect(await ui.page.getByText(membersSentence).count()).toBe(1);

    await ui.page.goto(`${baseUrl}/account`);
    await ui.page.getByRole('main').getByRole('button', { name: 'Log out', exact: true }).click();
    await ui.page.waitForURL(`${baseUrl}/`);
    await ui.page.goto(link);
    await ui.page.getByRole('button', { name: 'Verify my e-mail address' }).click();
    await ui.page.getByText('This link has been used or has expired.').waitFor();
    // The password chosen when joining works once the address is verified.
    await logIn(email, password, membersArticle);
    await ui.page.waitForURL(`${baseUrl}${membersArticle}`);
  });

  it('answers an address that already has an account exactly as a new one', async () => {
    await ui.page.goto(`${baseUrl}/join`);
    await ui.page.getByLabel('Name').fill('Someone');
    await ui.page.getByLabel('E-mail address', { exact: true }).fill(testAccounts.editor.email);
    await ui.page.getByLabel('Password', { exact: true }).fill('another long passphrase');
    await ui.page.getByRole('checkbox', { name: /privacy notice/ }).check();
    const received = inbox(mailDir);
    await ui.page.getByRole('button', { name: 'Join' }).click();
    await ui.page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    const mail = await received.next(testAccounts.editor.email);
    expect(mail.subject).toContain('account');
    expect(mail.text).toContain('already has an account');
  });
});

describe('signing in without a password', () => {
  async function requestLink(email: string) {
    await ui.page.goto(`${baseUrl}/login?callbackUrl=${encodeURIComponent(membersArticle)}`);
    await ui.page.getByLabel('E-mail address for a sign-in link').fill(email);
    const received = inbox(mailDir);
    await ui.page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
    const answer = await ui.page.getByText(/we have sent it a sign-in link/).textContent();
    return { answer, received };
  }

  it('signs in only when the link’s button is pressed, only once, and back on the piece', async () => {
    const { answer, received } = await requestLink(testAccounts.member.email);
    const mail = await received.next(testAccounts.member.email, { subject: 'sign-in link' });
    const link = linkIn(mail.text, 'login/link');

    await ui.page.goto(link);
    await ui.page.goto(`${baseUrl}/account`);
    await ui.page.waitForURL(/\/login/);

    await ui.page.goto(link);
    await ui.page.getByRole('button', { name: 'Sign in' }).click();
    // The link brings the member back to the piece they came to log in from, with its body.
    await ui.page.waitForURL(`${baseUrl}${membersArticle}`);
    expect(await ui.page.getByText('This piece is for members').count()).toBe(0);
    await ui.page.goto(`${baseUrl}/account`);
    await ui.page.getByRole('main').getByRole('button', { name: 'Log out', exact: true }).click();
    await ui.page.waitForURL(`${baseUrl}/`);

    await ui.page.goto(link);
    await ui.page.getByRole('button', { name: 'Sign in' }).click();
    await ui.page.getByText('This link has been used or has expired.').waitFor();

    // An unknown address gets the same answer, and no e-mail.
    expect((await requestLink('no-such-member@example.org')).answer).toBe(
      answer!.replace(testAccounts.member.email, 'no-such-member@example.org'),
    );
  });

  it('accepts the e-mailed code instead of the link', async () => {
    const { received } = await requestLink(testAccounts.member.email);
    const mail = await received.next(testAccounts.member.email, { subject: 'sign-in link' });
    const code = mail.text.match(/\b(\d{6})\b/)![1]!;
    await ui.page.getByLabel('Code from the e-mail').fill('000000' === code ? '111111' : '000000');
    await ui.page.getByRole('button', { name: 'Sign in with the code' }).click();
    await ui.page.getByText('That code is not right').waitFor();
    await ui.page.getByLabel('Code from the e-mail').fill(code);
    await ui.page.getByRole('button', { name: 'Sign in with the code' }).click();
    await ui.page.waitForURL(`${baseUrl}${membersArticle}`);
    expect(await ui.page.getByText(membersSentence).count()).toBe(1);
  });
});

describe('resetting a password', () => {
  it('sets a new password from the e-mailed link; the old one stops working', async () => {
    const { email, password } = testAccounts.editor;
    await ui.page.goto(`${baseUrl}/login`);
    await ui.page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await ui.page.waitForURL(`${baseUrl}/forgot-password`);
    await ui.page.getByLabel('E-mail address', { exact: true }).fill(email);
    const received = inbox(mailDir);
    await ui.page.getByRole('button', { name: 'E-mail me a reset link' }).click();
    await ui.page.getByText(/we have sent it a link to choose a new password/).waitFor();
    const mail = await received.next(email, { subject: 'Reset' });
    const link = linkIn(mail.text, 'reset-password');

    await ui.page.goto(link);
    await ui.page.getByLabel('New password').fill('passwordpassword');
    await ui.page.getByRole('button', { name: 'Set the new password' }).click();
    await ui.page.getByText('This password is too common').waitFor();
    await ui.page.getByLabel('New password').fill('a brand new editor passphrase');
    await ui.page.getByRole('button', { name: 'Set the new password' }).click();
    await ui.page.getByText('Your password is changed').waitFor();

    await logIn(email, password);
    await ui.page.getByText('do not match').waitFor();
    await logIn(email, 'a brand new editor passphrase');
    await ui.page.waitForURL(`${baseUrl}/account`);
  });
});

describe('a member’s data', () => {
  it('downloads as JSON, and the account can be deleted after confirming', async () => {
    const email = `leaving.${Date.now()}@example.org`;
    const password = 'a long leaving passphrase';
    await joinAndVerify('Leaving Member', email, password);
    expect(await ui.page.getByText('Free account, verified', { exact: true }).count()).toBe(1);
    const download = await ui.page.request.get(`${baseUrl}/api/account/export`);
    expect(download.headers()['content-disposition']).toContain('attachment');
    const data = await download.json();
    expect(data.account).toMatchObject({ email, name: 'Leaving Member' });
    expect(JSON.stringify(data)).not.toContain('argon2');
    expect((await fetch(`${baseUrl}/api/account/export`)).status).toBe(401);

    await ui.page.getByLabel('Your e-mail address').fill('someone.else@example.org');
    await ui.page.getByRole('button', { name: 'Delete my account' }).click();
    await ui.page.getByText('Type your e-mail address exactly as shown to confirm.').waitFor();
    await ui.page.getByLabel('Your e-mail address').fill(email);
    await ui.page.getByRole('button', { name: 'Delete my account' }).click();
    await ui.page.waitForURL(`${baseUrl}/account-deleted`);

    await logIn(email, password);
    await ui.page.getByText('do not match').waitFor();
  });
});

describe('changing a password', () => {
  it('keeps this device signed in and ends the sessions elsewhere', async () => {
    const email = `changer.${Date.now()}@example.org`;
    await joinAndVerify('Password Changer', email, 'the first long passphrase');

    const elsewhere = await ui.browser.newContext();
    const other = await elsewhere.newPage();
    await other.goto(`${baseUrl}/login`);
    await other.getByLabel('E-mail address', { exact: true }).fill(email);
    await other.getByLabel('Password', { exact: true }).fill('the first long passphrase');
    await other.getByRole('button', { name: 'Log in' }).click();
    await other.waitForURL(`${baseUrl}/account`);

    // Signed in here by the verification link.
    await ui.page.getByLabel('Current password').fill('not my password at all');
    await ui.page.getByLabel('New password').fill('the second long passphrase');
    await ui.page.getByRole('button', { name: 'Change password' }).click();
    await ui.page.getByText('That is not your current password.').waitFor();
    await ui.page.getByLabel('Current password').fill('the first long passphrase');
    await ui.page.getByLabel('New password').fill('the second long passphrase');
    await ui.page.getByRole('button', { name: 'Change password' }).click();
    await ui.page.getByText('Your password is changed.').waitFor();

    await ui.page.goto(`${baseUrl}/account`);
    expect(ui.page.url()).toBe(`${baseUrl}/account`);
    await other.goto(`${baseUrl}/account`);
    await other.waitForURL(/\/login/);
    await elsewhere.close();
  });
});

describe('changing the e-mail address', () => {
  it('takes effect once the new address confirms, and the old address can take it back', async () => {
    const email = `old.address.${Date.now()}@example.org`;
    const newEmail = `new.address.${Date.now()}@example.org`;
    const password = 'a long address-changing phrase';
    await joinAndVerify('Address Changer', email, password);

    // Just signed in: no password is asked for.
    expect(await ui.page.getByLabel('Your password').count()).toBe(0);
    await ui.page.getByLabel('New e-mail address').fill(newEmail);
    const received = inbox(mailDir);
    await ui.page.getByRole('button', { name: 'Change e-mail address' }).click();
    await ui.page.getByText(`We have sent a link to ${newEmail}`).waitFor();
    const mail = await received.next(newEmail, { subject: 'Confirm your new e-mail address' });
    await ui.page.goto(linkIn(mail.text, 'confirm-email'));
    const noticed = inbox(mailDir);
    await ui.page.getByRole('button', { name: 'Confirm this address' }).click();
    await ui.page.getByText('Your account now uses this address.').waitFor();

    await logIn(newEmail, password);
    await ui.page.waitForURL(`${baseUrl}/account`);
    expect(await ui.page.getByText(newEmail).count()).toBeGreaterThan(0);
    expect(await ui.page.getByText('Free account, verified', { exact: true }).count()).toBe(1);

    // The old address is told, and can take the account back: whoever is signed in is not.
    const notice = await noticed.next(email, { subject: 'has changed' });
    expect(notice.text).toContain('If you did not');
    const owner = await ui.browser.newContext();
    const ownerPage = await owner.newPage();
    await ownerPage.goto(linkIn(notice.text, 'undo-email-change'));
    await ownerPage.getByRole('button', { name: 'Take my account back' }).click();
    await ownerPage.waitForURL(`${baseUrl}/account?changed=undone`);
    await ownerPage.getByText(`Your account is back at ${email}`).waitFor();
    await ownerPage.getByLabel('New password').fill('the rightful owner’s phrase');
    await ownerPage.getByRole('button', { name: 'Set password' }).click();
    await ownerPage.waitForURL(`${baseUrl}/account?changed=password`);

    await ui.page.goto(`${baseUrl}/account`);
    await ui.page.waitForURL(/\/login/);
    await logIn(newEmail, password);
    await ui.page.getByText('do not match').waitFor();
    await logIn(email, 'the rightful owner’s phrase');
    await ui.page.waitForURL(`${baseUrl}/account`);
    await owner.close();
  });
});

describe('pre-registered accounts', () => {
  it('a stranger who joins with someone’s address cannot sign in, and keeps nothing once the owner does', async () => {
    const email = `owner.${Date.now()}@example.org`;
    const strangerPassword = 'the stranger’s own phrase';
    const stranger = await ui.browser.newContext();
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(`${baseUrl}/join`);
    await strangerPage.getByLabel('Name').fill('A Stranger');
    await strangerPage.getByLabel('E-mail address', { exact: true }).fill(email);
    await strangerPage.getByLabel('Password', { exact: true }).fill(strangerPassword);
    await strangerPage.getByRole('checkbox', { name: /privacy notice/ }).check();
    await strangerPage.getByRole('button', { name: 'Join' }).click();
    await strangerPage.getByRole('heading', { name: 'Check your inbox' }).waitFor();

    const strangerLogsIn = async () => {
      await strangerPage.goto(`${baseUrl}/login`);
      await strangerPage.getByLabel('E-mail address', { exact: true }).fill(email);
      await strangerPage.getByLabel('Password', { exact: true }).fill(strangerPassword);
      await strangerPage.getByRole('button', { name: 'Log in' }).click();
    };
    await strangerLogsIn();
    await strangerPage.getByText('Your e-mail address is not verified yet').waitFor();
    await strangerPage.goto(`${baseUrl}/account`);
    await strangerPage.waitForURL(/\/login/);

    // The owner signs in with an e-mailed link.
    await ui.page.goto(`${baseUrl}/login`);
    await ui.page.getByLabel('E-mail address for a sign-in link').fill(email);
    const received = inbox(mailDir);
    await ui.page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
    const mail = await received.next(email, { subject: 'sign-in link' });
    await ui.page.goto(linkIn(mail.text, 'login/link'));
    await ui.page.getByRole('button', { name: 'Sign in' }).click();
    await ui.page.waitForURL(`${baseUrl}/account`);
    expect(await ui.page.getByText('Free account, verified', { exact: true }).count()).toBe(1);

    await strangerLogsIn();
    await strangerPage
      .getByText('That e-mail address and password do not match an account.')
      .waitFor();
    await strangerPage.goto(`${baseUrl}/account`);
    await strangerPage.waitForURL(/\/login/);
    await stranger.close();
  });
});

describe('signing out', () => {
  it('ends the session on the server: a cookie copied before signing out opens nothing', async () => {
    await logIn(testAccounts.member.email, testAccounts.member.password);
    await ui.page.waitForURL(`${baseUrl}/account`);
    const copied = await ui.page.context().cookies();
    await ui.page.getByRole('main').getByRole('button', { name: 'Log out', exact: true }).click();
    await ui.page.waitForURL(`${baseUrl}/`);

    const replay = await ui.browser.newContext();
    await replay.addCookies(copied);
    const replayPage = await replay.newPage();
    await replayPage.goto(`${baseUrl}/account`);
    await replayPage.waitForURL(/\/login/);
    expect(await replayPage.getByRole('heading', { name: 'Members’ log in' }).count()).toBe(1);
    await replay.close();
  });

  it('“Log out everywhere” ends the sessions on other devices too', async () => {
    const elsewhere = await ui.browser.newContext();
    const other = await elsewhere.newPage();
    await other.goto(`${baseUrl}/login`);
    await other.getByLabel('E-mail address', { exact: true }).fill(testAccounts.member.email);
    await other.getByLabel('Password', { exact: true }).fill(testAccounts.member.password);
    await other.getByRole('button', { name: 'Log in' }).click();
    await other.waitForURL(`${baseUrl}/account`);

    await logIn(testAccounts.member.email, testAccounts.member.password);
    await ui.page.waitForURL(`${baseUrl}/account`);
    await ui.page.getByRole('button', { name: 'Log out everywhere' }).click();
    await ui.page.waitForURL(/\/login/);
    await ui.page.getByText('You are logged out on every device').waitFor();

    await other.goto(`${baseUrl}/account`);
    await other.waitForURL(/\/login/);
    await ui.page.goto(`${baseUrl}/account`);
    await ui.page.waitForURL(/\/login/);
    await elsewhere.close();
  });
});

describe('members and roles (admins only)', () => {
  it('lets an admin change a role and refuses the same action called directly by a member', async () => {
    const target = `promoted.${Date.now()}@example.org`;
    const joining = await ui.browser.newContext();
    await joinAndVerify(
      'To Be Promoted',
      target,
      'a long promotion passphrase',
      await joining.newPage(),
    );
    await joining.close();

    const memberContext = await ui.browser.newContext();
    const member = await memberContext.newPage();
    await member.goto(`${baseUrl}/login`);
    await member.getByLabel('E-mail address', { exact: true }).fill(testAccounts.member.email);
    await member.getByLabel('Password', { exact: true }).fill(testAccounts.member.password);
    await member.getByRole('button', { name: 'Log in' }).click();
    await member.waitForURL(`${baseUrl}/account`);
    expect((await member.goto(`${baseUrl}/admin/members`))?.status()).toBe(403);

    await logIn(testAccounts.admin.email, testAccounts.admin.password, '/admin/members');
    await ui.page.waitForURL(`${baseUrl}/admin/members`);
    await ui.page.getByLabel('Search members').fill(target);
    await ui.page.getByRole('button', { name: 'Search' }).click();
    await ui.page.waitForURL(/q=/);
    const requestSent = ui.page.waitForRequest(
      (request) => request.method() === 'POST' && !!request.headers()['next-action'],
    );
    await ui.page.getByLabel(`Role of ${target}`).selectOption('editor');
    await ui.page.getByRole('button', { name: 'Save' }).click();
    const request = await requestSent;
    await ui.page.getByText('Role changed.').waitFor();

    // The member replays the admin's request, asking to make the account an admin.
    const replay = await member.request.post(
      `${baseUrl}/admin/members?q=${encodeURIComponent(target)}`,
      {
        headers: {
          'Next-Action': request.headers()['next-action']!,
          'Content-Type': request.headers()['content-type']!,
        },
        data: request.postDataBuffer()!.toString().replace('editor', 'admin'),
      },
    );
    expect(replay.status()).toBe(403);
    await ui.page.reload();
    expect(await ui.page.getByLabel(`Role of ${target}`).inputValue()).toBe('editor');
    await memberContext.close();
  });

  it('lets an admin disable an account: its session ends at once and it cannot log in', async () => {
    const target = `disabled.${Date.now()}@example.org`;
    const password = 'a long soon-disabled passphrase';
    const targetContext = await ui.browser.newContext();
    const targetPage = await targetContext.newPage();
    await joinAndVerify('To Be Disabled', target, password, targetPage);

    await logIn(testAccounts.admin.email, testAccounts.admin.password, '/admin/members');
    await ui.page.waitForURL(`${baseUrl}/admin/members`);
    await ui.page.getByLabel('Search members').fill(target);
    await ui.page.getByRole('button', { name: 'Search' }).click();
    await ui.page.waitForURL(/q=/);
    await ui.page.getByRole('button', { name: `Disable ${target}` }).click();
    await ui.page.getByText('Account disabled.').waitFor();

    await targetPage.goto(`${baseUrl}/account`);
    await targetPage.waitForURL(/\/login\?callbackUrl=/);
    await targetPage.getByLabel('E-mail address', { exact: true }).fill(target);
    await targetPage.getByLabel('Password', { exact: true }).fill(password);
    await targetPage.getByRole('button', { name: 'Log in' }).click();
    await targetPage
      .getByText('That e-mail address and password do not match an account.')
      .waitFor();
    await targetContext.close();
  });
});
