import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getViewer } from '@/lib/auth/viewer';
import { getSiteConfig } from '@/lib/config/site';
import { formatLongDate } from '@/lib/time/london';
import { formatMoney } from '@/lib/format/money';
import { loadReceiptFacts, receiptLines, receiptReference } from '@/lib/giving/receipts';
import { PrintButton } from './print-button.client';

export const metadata: Metadata = { title: 'Receipt', robots: { index: false } };

interface Props {
  params: Promise<{ id: string }>;
}

export default async function ReceiptPage({ params }: Props) {
  const { id } = await params;
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(`/account/giving/${id}`)}`);
  const facts = z.uuid().safeParse(id).success ? await loadReceiptFacts(id) : null;
  // Someone else's gift answers exactly as a missing one does.
  if (
    !facts ||
    facts.donation.userId !== viewer.id ||
    !['succeeded', 'refunded'].includes(facts.donation.status)
  ) {
    notFound();
  }
  const site = getSiteConfig();
  const { donation } = facts;
  return (
    <article className="mx-auto max-w-2xl rounded border border-rule bg-white p-8 print:border-0 print:p-0">
      <header className="border-b border-rule pb-4">
        <p className="font-serif text-xl font-semibold">{site.name}</p>
        <h1 className="mt-2 font-serif text-3xl font-semibold">Receipt for your gift</h1>
      </header>
      <dl className="mt-6 grid grid-cols-3 gap-y-2">
        <dt className="font-semibold text-muted">Reference</dt>
        <dd className="col-span-2">{receiptReference(donation.id)}</dd>
        <dt className="font-semibold text-muted">Donor</dt>
        <dd className="col-span-2">{donation.donorName ?? viewer.name ?? viewer.email}</dd>
        <dt className="font-semibold text-muted">Amount</dt>
        <dd className="col-span-2">{formatMoney(donation.amountMinor, donation.currency)}</dd>
        <dt className="font-semibold text-muted">Kind</dt>
        <dd className="col-span-2">
          {donation.frequency === 'monthly' ? 'Monthly gift' : 'One-off gift'}
        </dd>
        <dt className="font-semibold text-muted">Date</dt>
        <dd className="col-span-2">{formatLongDate(donation.paidAt ?? donation.createdAt)}</dd>
      </dl>
      <div className="mt-6 space-y-3">
        {receiptLines(facts).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <footer className="mt-8 flex gap-4 print:hidden">
        <PrintButton />
        <Link href="/account#giving" className="px-2 py-2 text-accent underline">
          Back to your giving
        </Link>
      </footer>
    </article>
  );
}
