import type { Metadata } from 'next';
import { PageHeading } from '@/components/ui/page-heading';
import { getSiteConfig } from '@/lib/config/site';

export const metadata: Metadata = {
  title: 'Privacy notice',
  alternates: { canonical: '/privacy' },
};

export default function PrivacyPage() {
  const site = getSiteConfig();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeading title="Privacy notice" description={`How ${site.name} uses what you tell us.`} />
      <div className="article-body">
        <h2>What we keep</h2>
        <p>
          For members: your name, e-mail address, a hash of your password (never the password
          itself), when you agreed to this notice and whether you want our newsletter. For donors:
          the gifts you make and, if you make a Gift Aid declaration, the details HMRC requires. For
          paid members: your tier, its payments and their dates (cards are held by Stripe, never by
          us). For a gift membership: the name and e-mail address of the person it is for, and your
          message, kept with the gift for our records.
        </p>
        <h2>Why</h2>
        <p>
          To give you access to members-only work, to send the e-mails you ask for, to process and
          receipt your gifts, and to claim Gift Aid where you have declared it. We do not sell or
          share your data, and our pages load no third-party trackers.
        </p>
        <h2>Your rights</h2>
        <p>
          You can see, correct, download or delete your data from your account. Records of gifts
          that the law requires us to keep (for Gift Aid, six years) are kept without your name
          attached when you delete your account.
        </p>
      </div>
    </div>
  );
}
