import Link from 'next/link';
import { Field } from '@/components/forms/field';
import { donationFrequencyLabels, donationStatusLabels } from '@/lib/admin/donations/filters';
import type { FieldErrors } from '@/lib/validation/form';
import { SelectField } from './select-field';

export type DonationFilterValues = Record<
  'from' | 'to' | 'frequency' | 'status' | 'giftAid',
  string
>;

const any = ['', 'Any'] as const;
const frequencyOptions = [any, ...Object.entries(donationFrequencyLabels)] as const;
const statusOptions = [any, ...Object.entries(donationStatusLabels)] as const;
const giftAidOptions = [any, ['yes', 'With Gift Aid'], ['no', 'Without Gift Aid']] as const;

/** Filters sent as a GET query, so a filtered list can be bookmarked and shared. */
export function DonationFilterForm({
  values,
  errors,
}: {
  values: DonationFilterValues;
  errors: FieldErrors;
}) {
  return (
    <form
      method="get"
      aria-label="Filter donations"
      className="mt-6 grid gap-4 rounded border border-rule bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
    >
      <Field name="from" label="From" type="date" defaultValue={values.from} error={errors.from} />
      <Field name="to" label="To" type="date" defaultValue={values.to} error={errors.to} />
      <SelectField
        name="frequency"
        label="Frequency"
        options={frequencyOptions}
        defaultValue={values.frequency}
        error={errors.frequency}
      />
      <SelectField
        name="status"
        label="Status"
        options={statusOptions}
        defaultValue={values.status}
        error={errors.status}
      />
      <SelectField
        name="giftAid"
        label="Gift Aid"
        options={giftAidOptions}
        defaultValue={values.giftAid}
        error={errors.giftAid}
      />
      <p className="text-sm text-muted sm:col-span-2 lg:col-span-5">
        Dates are London days: of payment, or for a gift not paid, of when it was started.
      </p>
      <div className="flex items-center gap-4 sm:col-span-2 lg:col-span-5">
        <button
          type="submit"
          className="rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep"
        >
          Show donations
        </button>
        <Link href="/admin/donations" className="font-semibold text-accent underline">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
