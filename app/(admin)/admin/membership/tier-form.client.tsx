'use client';

import { useActionState } from 'react';
import { SelectInput, TextArea, TextInput } from '@/components/admin/form-controls';
import { FormMessages } from '@/components/admin/form-messages.client';
import type { SaveState } from '@/components/admin/form-state';
import { SubmitButton } from '@/components/forms/submit-button';
import { maxBenefits, tierCurrencies } from '@/lib/membership/tier-input';
import { saveTierAction } from './actions';

const ids = {
  name: 'tier-name',
  slug: 'tier-slug',
  description: 'tier-description',
  benefits: 'tier-benefits',
  monthlyPrice: 'tier-monthly-price',
  yearlyPrice: 'tier-yearly-price',
  currency: 'tier-currency',
  trialDays: 'tier-trial-days',
  visible: 'tier-visible',
  position: 'tier-position',
  giftAidEligible: 'tier-gift-aid',
};

function Checkbox({
  id,
  name,
  label,
  hint,
  defaultChecked,
}: {
  id: string;
  name: string;
  label: string;
  hint: React.ReactNode;
  defaultChecked: boolean;
}) {
  return (
    <div>
      <label htmlFor={id} className="flex items-start gap-2 font-semibold">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          aria-describedby={`${id}-hint`}
          className="mt-1"
        />
        {label}
      </label>
      <div id={`${id}-hint`} className="mt-1 ml-6 max-w-2xl text-sm text-muted">
        {hint}
      </div>
    </div>
  );
}

export function TierForm({ id, values }: { id?: string; values: SaveState['values'] }) {
  const [state, action, pending] = useActionState(saveTierAction, { values, errors: {} });
  const { values: shown, errors } = state;
  return (
    <form action={action} noValidate className="max-w-3xl space-y-6">
      {id && <input type="hidden" name="id" value={id} />}
      <FormMessages message={state.message} errors={errors} fieldIds={ids} success={state.saved} />
      <TextInput
        id={ids.name}
        name="name"
        label="Name"
        required
        maxLength={80}
        defaultValue={shown.name}
        error={errors.name}
      />
      <TextInput
        id={ids.slug}
        name="slug"
        label="Slug"
        hint="Names the tier in addresses and exports. Leave blank to make one from the name."
        maxLength={60}
        spellCheck={false}
        defaultValue={shown.slug}
        error={errors.slug}
      />
      <TextArea
        id={ids.description}
        name="description"
        label="Description"
        hint="One or two sentences on who the tier is for."
        rows={3}
        maxLength={1000}
        defaultValue={shown.description}
        error={errors.description}
      />
      <TextArea
        id={ids.benefits}
        name="benefits"
        label="Benefits"
        hint={`One a line, in the order shown; ${maxBenefits} at most.`}
        rows={6}
        defaultValue={shown.benefits}
        error={errors.benefits}
      />
      <div className="grid gap-6 sm:grid-cols-3">
        <TextInput
          id={ids.monthlyPrice}
          name="monthlyPrice"
          label="Monthly price"
          hint="Blank: not sold monthly."
          inputMode="decimal"
          defaultValue={shown.monthlyPrice}
          error={errors.monthlyPrice}
        />
        <TextInput
          id={ids.yearlyPrice}
          name="yearlyPrice"
          label="Yearly price"
          hint="Blank: not sold yearly."
          inputMode="decimal"
          defaultValue={shown.yearlyPrice}
          error={errors.yearlyPrice}
        />
        <SelectInput
          id={ids.currency}
          name="currency"
          label="Currency"
          defaultValue={shown.currency || 'GBP'}
          error={errors.currency}
          options={tierCurrencies.map((code) => ({ value: code, label: code }))}
        />
      </div>
      <div className="grid gap-6 sm:grid-cols-3">
        <TextInput
          id={ids.trialDays}
          name="trialDays"
          label="Free trial (days)"
          hint="Blank: the first payment is taken on joining."
          inputMode="numeric"
          defaultValue={shown.trialDays}
          error={errors.trialDays}
        />
        <TextInput
          id={ids.position}
          name="position"
          label="Order"
          hint="Lower numbers come first."
          inputMode="numeric"
          defaultValue={shown.position}
          error={errors.position}
        />
      </div>
      <Checkbox
        id={ids.visible}
        name="visible"
        label="Shown on the membership page"
        hint="Leave unticked for a tier given to complimentary or invited members only."
        defaultChecked={shown.visible === 'on'}
      />
      <Checkbox
        id={ids.giftAidEligible}
        name="giftAidEligible"
        label="The fee may carry Gift Aid"
        hint={
          <>
            HMRC allows Gift Aid on a membership fee only when membership gives no personal benefit
            beyond the permitted ones: the right to vote, a newsletter or report on the
            charity&rsquo;s work, free or reduced entry to see its work. Briefings, events or early
            access that have a value to the member make the fee a payment for services, which cannot
            carry Gift Aid (unless within the donor-benefit limits). Leave unticked when in doubt.
          </>
        }
        defaultChecked={shown.giftAidEligible === 'on'}
      />
      <div className="max-w-xs">
        <SubmitButton
          pending={pending}
          label={id ? 'Save tier' : 'Create tier'}
          pendingLabel="Saving…"
        />
      </div>
    </form>
  );
}
