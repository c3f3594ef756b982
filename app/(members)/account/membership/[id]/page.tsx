import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth/viewer';
import { getSiteConfig } from '@/lib/config/site';
import { formatMoney } from '@/lib/format/money';
import { membershipReceiptReference, paymentOf } from '@/lib/membership/payments';
import { formatLongDate } from '@/lib/time/london';
import { PrintButton } from '../../giving/[id]/print-button.client';

export const metadata: Metadata = { title: 'Membership receipt', robots: { index: false } };

interface Props {
  params: Promise<{ id: string }>;
}

export default async function MembershipReceiptPage({ params }: Props) {
  const { id } = await params;
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(`/account/membership/${id}`)}`);
  const payment = await paymentOf(viewer.id, id);
  if (!payment) notFound();
  const site = getSiteConfig();
  const period =
    payment.periodStart && payment.periodEnd
      ? `${formatLongDate(payment.periodStart)} to ${formatLongDate(payment.periodEnd)}`
      : null;
  const rows: [string, string][] = [
    ['Reference', membershipReceiptReference(payment.id)],
    ['Member', viewer.name ?? viewer.email],
    ['For', payment.description],
    ...(period ? [['Period', period] as [string, string]] : []),
    ['Amount', formatMoney(payment.amountMinor, payment.currency)],
    ['Paid on', formatLongDate(payment.paidAt)],
    ...(payment.refundedAmountMinor > 0
      ? [
          ['Refunded', formatMoney(payment.refundedAmountMinor, payment.currency)] as [
            string,
            string,
          ],
        ]
      : []),
  ];
  return (
    <article className="mx-auto max-w-2xl rounded border border-rule bg-white p-8 print:border-0 print:p-0">
      <header className="border-b border-rule pb-4">
        <p className="font-serif text-xl font-semibold">{site.name}</p>
        <h1 className="mt-2 font-serif text-3xl font-semibold">Receipt for your membership</h1>
      </header>
      <dl className="mt-6 grid grid-cols-3 gap-y-2">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-semibold text-muted">{term}</dt>
            <dd className="col-span-2">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-6">
        {site.name} received this payment for membership. Keep this receipt for your records.
      </p>
      {site.charity.number && (
        <p className="mt-3 text-sm text-muted">
          {site.charity.name ?? site.name} is a registered charity, number {site.charity.number}
          {site.charity.address ? `. Registered office: ${site.charity.address}` : ''}.
        </p>
      )}
      {payment.giftAidDeclarationId && (
        <p className="mt-3">
          Gift Aid: this fee is covered by your Gift Aid declaration, so we can claim 25p from HMRC
          for every £1 of it. If you stop paying enough income or capital gains tax, let us know.
        </p>
      )}
      <footer className="mt-8 flex gap-4 print:hidden">
        <PrintButton />
        <Link href="/account#membership" className="px-2 py-2 text-accent underline">
          Back to your membership
        </Link>
      </footer>
    </article>
  );
}
