/**
 * The privacy notice as the site first shipped it. The seed makes it the `privacy` page, which
 * editors then keep; until a privacy page is published (a database never seeded), /privacy shows
 * these words, as the join form asks people to agree to them.
 */
export const privacyNotice = {
  slug: 'privacy',
  title: 'Privacy notice',
  summary: 'How we use what you tell us.',
  body: `## What we keep

For members: your name, e-mail address, a hash of your password (never the password itself), when you agreed to this notice and whether you want our newsletter. For donors: the gifts you make and, if you make a Gift Aid declaration, the details HMRC requires. For paid members: your tier, its payments and their dates (cards are held by Stripe, never by us). For a gift membership: the name and e-mail address of the person it is for, and your message, kept with the gift for our records.

## Why

To give you access to members-only work, to send the e-mails you ask for, to process and receipt your gifts, and to claim Gift Aid where you have declared it. We do not sell or share your data, and our pages load no third-party trackers.

## Your rights

You can see, correct, download or delete your data from your account. Records of gifts that the law requires us to keep (for Gift Aid, six years) are kept without your name attached when you delete your account.`,
};
