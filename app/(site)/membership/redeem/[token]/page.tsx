import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeading } from '@/components/ui/page-heading';
import { getViewer } from '@/lib/auth/viewer';
import { giftForRedemption } from '@/lib/membership/gifts';
import { membershipsOf } from '@/lib/membership/held';
import { RedeemForm } from './redeem-form.client';

// The link's token is its only proof: it is never sent on to another site.
export const metadata: Metadata = {
  title: 'Your gift membership',
  robots: { index: false },
  // Not no-referrer, under which browsers post this page's forms with `Origin: null`, which the
  // server must refuse.
  referrer: 'same-origin',
};

interface Props {
  params: Promise<{ token: string }>;
}

const note = 'rounded border border-rule bg-white px-5 py-4';

export default async function RedeemGiftPage({ params }: Props) {
  const { token } = await params;
  const [gift, viewer] = await Promise.all([giftForRedemption(token), getViewer()]);
  const current = viewer
    ? (await membershipsOf(viewer.id)).filter((row) => row.standing.grantsAccess)
    : [];
  if (!gift || gift.status === 'refunded') {
    return (
      <div className="mx-auto max-w-2xl">
        <PageHeading title="This gift link does not work" />
        <p className={note}>
          {gift
            ? 'This gift was withdrawn by the person who gave it.'
            : 'It may have been copied only in part. Open the link from the e-mail again, or write to us.'}
        </p>
      </div>
    );
  }
  const length = gift.months === 12 ? 'a year' : `${gift.months} months`;
  const back = encodeURIComponent(`/membership/redeem/${token}`);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeading
        eyebrow="A gift"
        title={`${gift.tierName} membership for ${length}`}
        description={`From ${gift.buyerName}, for ${gift.recipientName}.`}
      />
      {gift.message && (
        <blockquote className="mb-6 border-l-4 border-accent pl-4 font-serif text-lg">
          {gift.message}
        </blockquote>
      )}
      {gift.status === 'redeemed' ? (
        <p className={note}>
          This gift has been redeemed.{' '}
          <Link href="/account#membership" className="font-semibold text-accent underline">
            See your membership
          </Link>
        </p>
      ) : !viewer ? (
        <div className={note}>
          <p>Log in, or create a free account, to start your membership.</p>
          <p className="mt-4 flex flex-wrap gap-3">
            <Link
              href={`/login?callbackUrl=${back}`}
              className="rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep"
            >
              Log in
            </Link>
            <Link
              href={`/join?callbackUrl=${back}`}
              className="rounded border border-navy px-4 py-2 font-semibold text-navy hover:bg-paper"
            >
              Create an account
            </Link>
          </p>
        </div>
      ) : (
        <>
          {current.length > 0 && (
            <p role="status" className={`${note} mb-4`}>
              You already hold a {current.map((row) => row.tierName).join(' and ')} membership. This
              gift would run alongside it, not extend it: you may prefer to keep the link for later,
              or to pass it on.
            </p>
          )}
          <p>
            Your membership starts now and runs for {length}. It is free: nothing will be charged,
            and it does not renew.
          </p>
          <RedeemForm token={token} />
        </>
      )}
    </div>
  );
}
