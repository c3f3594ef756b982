import type { CharityDetails } from '@/lib/config/charity';

export const privacySlug = 'privacy';

// The date readers see; change it with the words.
const lastUpdated = '1 December 2026';

/**
 * The privacy notice as the site ships it, naming the charity from its configuration. The seed
 * makes it the `privacy` page, which editors then keep; until a privacy page is published (a
 * database never seeded), /privacy shows these words, as the join form asks people to agree to
 * them. What it says the site keeps, and for how long, is what the code does: the housekeeping
 * job (lib/housekeeping/) deletes sessions, links, unverified accounts and sent e-mails on the
 * schedule given here.
 */
export function privacyNotice(charity: CharityDetails) {
  const company = charity.companyNumber
    ? ` and a company limited by guarantee (company number ${charity.companyNumber})`
    : '';
  return {
    slug: privacySlug,
    title: 'Privacy notice',
    summary:
      'What we keep about you, why, on what legal basis, for how long, who else handles it, and your rights.',
    body: `*Last updated: ${lastUpdated}.*

## Who we are

${charity.name} is the controller of the personal data described here. We are a registered charity (number ${charity.number})${company}. Our registered office is ${charity.address}.

Our Director of Operations is responsible for data protection. Write to them at **${charity.privacyEmail}**, or by post at our registered office, about anything in this notice or to use any of your rights.

## In short

- You can read everything that is public on this site without an account, and we do not track you while you do: no analytics, no advertising, no third-party scripts, and only the cookies needed to keep a member signed in.
- We keep what you give us to run your account, membership or gift, and what the law requires us to keep for Gift Aid and our accounts.
- We never sell your data or share it for marketing. Stripe takes card payments for us; an e-mail delivery provider and our hosting provider handle data on our behalf.

## Reading the site without an account

**What we keep.** Nothing that identifies you, apart from our web server's request logs: your IP address, the time, the page asked for, the address of the page you came from and your browser's description. Our own application logs record no IP address, and show e-mail addresses only in part (j***@example.org). When you use a form that could be abused (logging in, joining, giving, a media request), we count attempts by IP address, and by the e-mail address given, for up to an hour, so that nobody can try thousands of passwords or flood someone's inbox.

**Why, and the legal basis.** To keep the site secure and working, and to investigate faults and attacks: our legitimate interests in doing so.

**How long.** Server logs are deleted after 14 days. Attempt counts are deleted when their window ends, after 15 minutes or an hour.

## Membership and your account

**What we keep.**

- For your account: your name, e-mail address, a hash of your password (never the password itself, which cannot be worked out from it), when you agreed to this notice, whether you asked for our newsletter, and when you verified your address; and, while you are signed in, a record of each browser you use, so that you can sign out everywhere.
- For a paid membership: your tier, its status and renewal date, and each payment with its date and amount. Your card is held by Stripe, never by us.
- For a gift membership: the buyer's name and e-mail address, the recipient's name and e-mail address, and the message, kept with the gift.
- A log of changes our staff make to accounts, such as granting a complimentary membership.

**Why, and the legal basis.** To give you access to members' work, run your membership and e-mail you what you ask for (links to sign in, receipts, a reminder before a gift membership ends): performance of our contract with you. To keep the record of a paid membership for our accounts: legal obligation. To deliver a gift membership to the person it is for: our legitimate interests, and the buyer's.

**How long.** Your account is kept until you delete it, which you can do at any time from your account page. An account whose e-mail address is never verified is deleted after 7 days. A signed-in browser's record is deleted when you log out, or 30 days after it was last used. Links and codes we e-mail you expire (a sign-in link after 15 minutes, the longest, the link to undo a change of address, after 7 days) and are deleted a day after they expire or are used. Records of payments are kept as described under "How long we keep things".

## Donations and Gift Aid

**What we keep.** Your name and e-mail address, the amount, date and frequency of each gift, whether you asked to give anonymously, and Stripe's references for the payment. If you make a Gift Aid declaration: your title, first and last name, house name or number, postcode, the declaration you made and its date, as HMRC requires. Card details are entered on Stripe's pages and never reach us.

**Why, and the legal basis.** To take your gift, send a receipt and let you manage a monthly gift: performance of our contract with you. To claim Gift Aid from HMRC and keep the records HMRC and charity law require: legal obligation. To thank donors and understand our income: our legitimate interests.

**How long.** Records of gifts, and Gift Aid declarations with the gifts they cover, are kept for six years after the end of the financial year of the last gift they relate to, as HMRC requires for Gift Aid claims. Each year our finance team deletes the records past that age. If you delete your account sooner, your gifts stay in our accounts without your e-mail address, and without your name unless a Gift Aid declaration requires it.

## Newsletters

**What we keep.** Your e-mail address; for each newsletter you chose, the words you agreed to, when, how (a sign-up form, your account, the box on joining) and when you confirmed it or unsubscribed; and, if our e-mails to you are refused by your mail server, that we have stopped sending to your address. You do not need an account: we e-mail you a link to confirm before we send anything.

**Why, and the legal basis.** Your consent, recorded as you gave it: we send a newsletter you asked for and confirmed. One exception, which the law allows a charity (regulation 22(3A) of the Privacy and Electronic Communications Regulations): when you give to us, the donation form names one newsletter about our work and offers a box to refuse it; if you do not tick the box, we send it to you once your gift is paid, on the basis of our legitimate interest in telling supporters about our charitable work. We record that you were offered the refusal, and every issue offers it again: one click stops it.

**What we do not do.** Our e-mails carry no tracking pixel and no tracked links: we do not record whether or when you open them or what you click.

**How long.** Your address and choices are kept while you receive any newsletter. When you unsubscribe from everything we keep the record of your consent and its withdrawal, so we can show we respected it; deleting your account removes both. Every newsletter has a link to change your choice or unsubscribe in one click, and you can also write to ${charity.privacyEmail}. A request that waits for confirmation and is never confirmed sends nothing.

## Media requests

**What we keep.** What you send through the form on our press page: your name, outlet, e-mail address, telephone number, deadline and request. It is e-mailed to our press office.

**Why, and the legal basis.** To answer you and arrange interviews: our legitimate interests in working with journalists.

**How long.** Our copy of the e-mail is deleted from the site after 30 days; the press office keeps its correspondence with journalists for two years, then deletes it.

## E-mails we send

Every e-mail we send you (sign-in links, receipts, replies) is kept for 30 days after it was sent, so that we can resend one that failed, then deleted. Links to sign in or reset a password are removed from the stored copy as soon as it is sent.

## Who else handles your data

We use these processors, each under a contract that lets them use your data only on our instructions:

- **Stripe** takes card and other payments for gifts and memberships, and runs the page where you manage a monthly gift or membership. Stripe is also a controller in its own right for preventing fraud and meeting its legal duties; see [Stripe's privacy policy](https://stripe.com/gb/privacy).
- **Our e-mail delivery provider** sends the e-mails described above.
- **Our hosting provider** runs the servers and the database that hold this site and your data.

We share data with HMRC when we claim Gift Aid, and with others only where the law requires it. We do not sell your data, and we do not share it with other charities or for marketing.

## Transfers outside the UK

Our hosting and e-mail providers keep your data in the United Kingdom or the European Economic Area, which UK law recognises as protecting it adequately. Stripe may process payment data in the United States and elsewhere; it does so under the UK's data bridge with the United States or the international data transfer agreement approved by the Information Commissioner.

## How long we keep things

| What | How long |
| --- | --- |
| Your account | Until you delete it |
| An account never verified | 7 days |
| A signed-in browser | Until you log out, or 30 days after it was last used |
| E-mailed links and codes | A day after they expire or are used |
| Copies of e-mails we send | 30 days |
| Gifts, Gift Aid declarations and membership payments | 6 years after the end of the financial year of the last gift or payment, deleted in a yearly review |
| Media requests | 2 years |
| Web server logs | 14 days |
| Counts of attempts to log in or send a form | Up to an hour |
| Newsletter sign-ups never confirmed | 8 days |
| Your newsletter choices and consent records | While you receive any newsletter, and as a record of your consent and its withdrawal until you ask us to delete it |

## Your rights

Under UK data protection law you have the right to:

- **access** the data we hold about you, and receive a copy;
- have it **corrected** if it is wrong or incomplete (you can change your e-mail address and password yourself in your account);
- have it **erased**: delete your account from your account page, or ask us, subject to what the law requires us to keep;
- **restrict** our use of it while a complaint or correction is settled;
- **object** to our using it on the basis of our legitimate interests;
- **data portability**: download what you gave us, as a JSON file, from your account page;
- **withdraw your consent** at any time, for the newsletter, without affecting what we did before.

We make no decisions about you by automated means alone. To use a right, write to ${charity.privacyEmail}. We answer within one month, and there is no charge.

## Complaints

If you are unhappy with how we have handled your data, please tell us first, so that we can put it right. You also have the right to complain to the Information Commissioner's Office, the UK's data protection regulator: [ico.org.uk/make-a-complaint](https://ico.org.uk/make-a-complaint/), 0303 123 1113, or Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF.

## Cookies

We set only cookies that are strictly necessary, so we do not ask for consent to them:

- **authjs.session-token** keeps you signed in, for 30 days from when you last used the site, and is deleted when you log out;
- **authjs.callback-url** remembers the page to take you back to as you log in, and is deleted when you close your browser;
- **signed-in** tells the page to show your account's links instead of "log in"; it holds no more than "1" and lasts as long as your session.

On a secure connection the first two are named with *__Secure-* in front.

Readers who do not sign in get no cookie at all. We use no analytics, advertising or social-media cookies or scripts, and our share links load nothing from the networks they lead to. Stripe's payment pages, on Stripe's own site, use cookies of Stripe's to prevent fraud.

## Changes to this notice

We will update this notice when what we do with your data changes, and change the date at its top. If a change affects you materially, we will tell members by e-mail before it takes effect.`,
  };
}
