'use client';

import { useActionState } from 'react';
import { SelectInput, TextArea, TextInput } from '@/components/admin/form-controls';
import { FormMessages } from '@/components/admin/form-messages.client';
import type { SaveState } from '@/components/admin/form-state';
import { SubmitButton } from '@/components/forms/submit-button';
import { grantAction } from './actions';

const ids = {
  email: 'grant-email',
  tierId: 'grant-tier',
  period: 'grant-period',
  note: 'grant-note',
};

const periods = [
  { value: '1', label: '1 month' },
  { value: '2', label: '2 months' },
  { value: '3', label: '3 months' },
  { value: '6', label: '6 months' },
  { value: '12', label: '1 year' },
  { value: 'forever', label: 'No end' },
];

export function GrantForm({ tiers }: { tiers: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(grantAction, {
    values: { email: '', tierId: tiers[0]?.id ?? '', period: '12', note: '' },
    errors: {},
  } satisfies SaveState);
  const { values, errors } = state;
  return (
    <form action={action} noValidate className="max-w-3xl space-y-4">
      <FormMessages message={state.message} errors={errors} fieldIds={ids} success={state.saved} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextInput
          id={ids.email}
          name="email"
          type="email"
          label="Member’s e-mail address"
          autoComplete="off"
          required
          defaultValue={values.email}
          error={errors.email}
        />
        <SelectInput
          id={ids.tierId}
          name="tierId"
          label="Tier"
          defaultValue={values.tierId}
          error={errors.tierId}
          options={tiers.map((tier) => ({ value: tier.id, label: tier.name }))}
        />
        <SelectInput
          id={ids.period}
          name="period"
          label="For"
          defaultValue={values.period}
          error={errors.period}
          options={periods}
        />
      </div>
      <TextArea
        id={ids.note}
        name="note"
        label="Note"
        hint="Why it is given, e.g. “Trustee” or “Speaker at the spring conference”."
        rows={2}
        maxLength={500}
        required
        defaultValue={values.note}
        error={errors.note}
      />
      <div className="max-w-xs">
        <SubmitButton pending={pending} label="Give membership" pendingLabel="Giving…" />
      </div>
    </form>
  );
}
