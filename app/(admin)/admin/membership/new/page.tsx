import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '../../staff';
import { TierForm } from '../tier-form.client';

export const metadata: Metadata = { title: 'New membership tier', robots: { index: false } };

export default async function NewTierPage() {
  await requireStaff('/admin/membership/new', ['admin']);
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/membership" className="text-navy underline">
          Membership tiers
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">New tier</h1>
      <TierForm
        values={{
          name: '',
          slug: '',
          description: '',
          benefits: '',
          monthlyPrice: '',
          yearlyPrice: '',
          currency: 'GBP',
          trialDays: '',
          visible: 'on',
          position: '',
          giftAidEligible: '',
        }}
      />
    </div>
  );
}
