import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeading } from '@/components/ui/page-heading';
import { formatMoney } from '@/lib/format/money';
import { readCheckoutSummary } from '@/lib/payments/checkout';
import { firstParam } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'Thank you', robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// Stripe's Checkout Session ids: cs_test_… or cs_live_…
const sessionIdPattern = /^cs_(test|live)_[A-Za-z0-9]{1,200}$/;

export default async function ThankYouPage({ searchParams }: Props) {
  const sessionId = firstParam((await searchParams).session_id) ?? '';
  const summary = sessionIdPattern.test(sessionId)
    ? await readCheckoutSummary(sessionId)
    : 'unknown';

  if (summary === 'unknown') {
    return (
      <div className="mx-auto max-w-2xl">
        <PageHeading title="We could not find that gift" />
        <p>
          This link does not match a completed gift. If you were charged, your receipt will reach
          you by e-mail. You can also{' '}
          <Link href="/support" className="font-semibold text-accent underline">
            give from the support page
          </Link>
          .
        </p>
      </div>
    );
  }
  if (summary === 'unavailable') {
    return (
      <div className="mx-auto max-w-2xl">
        <PageHeading title="Thank you" />
        <p>
          We cannot show the details of your gift just now. Once our payment provider confirms it,
          your receipt will reach you by e-mail.
        </p>
      </div>
    );
  }
  const amount = formatMoney(summary.amountMinor, summary.currency);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeading
        eyebrow="Thank you"
        title={
          summary.frequency === 'monthly'
            ? `Thank you for giving ${amount} a month`
            : `Thank you for your gift of ${amount}`
        }
      />
      <div className="space-y-4 font-serif text-lg">
        {summary.paid ? (
          <p>
            Your payment has gone through. We are sending your receipt by e-mail; it can take a
            minute to arrive.
          </p>
        ) : (
          <p>
            Your bank transfer is on its way. We will e-mail your receipt as soon as it clears,
            which can take a few working days.
          </p>
        )}
        {summary.frequency === 'monthly' && (
          <p>
            You can change your card or stop your monthly gift at any time from{' '}
            <Link href="/account#giving" className="text-accent underline">
              your account
            </Link>
            .
          </p>
        )}
        <p>
          <Link href="/" className="font-semibold text-accent underline">
            Back to our latest analysis
          </Link>
        </p>
      </div>
    </div>
  );
}
