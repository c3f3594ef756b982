import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteForm } from '@/components/admin/delete-form.client';
import { tierFormValues } from '@/lib/membership/tier-input';
import { getTier } from '@/lib/membership/tiers';
import { requireStaff } from '../../staff';
import { deleteTierAction } from '../actions';
import { TierForm } from '../tier-form.client';

export const metadata: Metadata = { title: 'Edit membership tier', robots: { index: false } };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function EditTierPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireStaff(`/admin/membership/${id}`, ['admin']);
  const [tier, query] = await Promise.all([getTier(id), searchParams]);
  if (!tier) notFound();
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/membership" className="text-navy underline">
          Membership tiers
        </Link>
      </p>
      <h1 className="mt-2 mb-8 font-serif text-4xl font-semibold">Edit {tier.name}</h1>
      {query.created === '1' && (
        <p role="status" className="mb-6 rounded border border-navy bg-white px-4 py-3 text-navy">
          Tier created.
        </p>
      )}
      <TierForm id={tier.id} values={tierFormValues(tier)} />
      <section aria-labelledby="delete-heading" className="mt-12 border-t border-rule pt-8">
        <h2 id="delete-heading" className="font-serif text-2xl font-semibold">
          Delete
        </h2>
        <p className="mt-2 mb-4 text-muted">
          Deleting a tier removes it from the membership page and this list.
        </p>
        <DeleteForm action={deleteTierAction} id={tier.id} label="Delete this tier" />
      </section>
    </div>
  );
}
