import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeading } from '@/components/ui/page-heading';
import { formatMoney } from '@/lib/format/money';
import { giftSummaryFor } from '@/lib/membership/gift-purchase';
import { formatLongDate, londonToday } from '@/lib/time/london';
import { firstParam } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'Thank you for your gift', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function GiftThankYouPage({ searchParams }: Props) {
  const sessionId = firstParam((await searchParams).session_id) ?? '';
  const summary = await giftSummaryFor(sessionId);
  if (typeof summary === 'string') {
    return (
      <div className="mx-auto max-w-2xl">
        <PageHeading title="Thank you" />
        <p role="status" className="rounded border border-rule bg-white px-5 py-4">
          {summary === 'unavailable'
            ? 'We could not look up your gift just now. If you paid, your receipt is on its way by e-mail.'
            : 'We could not find this gift. If you paid, your receipt is on its way by e-mail.'}
        </p>
      </div>
    );
  }
  const day = formatLongDate(`${summary.deliverOn}T12:00:00Z`);
  const today = summary.deliverOn <= londonToday();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeading
        eyebrow="Membership"
        title={`Thank you for your gift of ${formatMoney(summary.amountMinor, summary.currency)}`}
      />
      <div className="space-y-3 font-serif text-lg">
        <p>
          {summary.recipientName} will receive {summary.description}
          {today ? ' by e-mail in a moment.' : ` by e-mail on ${day}.`}
        </p>
        {!summary.paid && <p>Your payment is on its way: we send the gift once it has arrived.</p>}
        <p>A receipt is on its way to you by e-mail.</p>
      </div>
      <p className="mt-8">
        <Link href="/" className="font-semibold text-accent underline">
          Back to the front page
        </Link>
      </p>
    </div>
  );
}
