'use client';

import { useActionState } from 'react';
import { SelectInput, TextArea, TextInput } from '@/components/admin/form-controls';
import { FormMessages } from '@/components/admin/form-messages.client';
import type { SaveState } from '@/components/admin/form-state';
import { SubmitButton } from '@/components/forms/submit-button';
import { bandsHighestFirst, funderBandLabels } from '@/lib/funding/bands';
import { saveFunderAction, saveFundingYearAction } from './actions';

const funderIds = {
  name: 'funder-name',
  band: 'funder-band',
  year: 'funder-year',
  purpose: 'funder-purpose',
  url: 'funder-url',
};

const bandOptions = bandsHighestFirst.map((band) => ({
  value: band,
  label: funderBandLabels[band],
}));

export function FunderForm({ id, values }: { id?: string; values: SaveState['values'] }) {
  const [state, action, pending] = useActionState(saveFunderAction, { values, errors: {} });
  const { values: shown, errors } = state;
  return (
    <form action={action} noValidate className="max-w-3xl space-y-6">
      {id && <input type="hidden" name="id" value={id} />}
      <FormMessages message={state.message} errors={errors} fieldIds={funderIds} />
      <TextInput
        id={funderIds.name}
        name="name"
        label="Name"
        hint="As the funder wishes to be named: a foundation, company or person."
        required
        maxLength={200}
        defaultValue={shown.name}
        error={errors.name}
      />
      <div className="grid gap-6 sm:grid-cols-2">
        <SelectInput
          id={funderIds.band}
          name="band"
          label="Amount given in the year"
          defaultValue={shown.band || 'from_5k'}
          error={errors.band}
          options={bandOptions}
        />
        <TextInput
          id={funderIds.year}
          name="year"
          label="Year"
          inputMode="numeric"
          maxLength={4}
          defaultValue={shown.year}
          error={errors.year}
        />
      </div>
      <TextArea
        id={funderIds.purpose}
        name="purpose"
        label="Purpose"
        hint="What the money paid for, such as “Core funding” or a programme’s name."
        rows={2}
        maxLength={500}
        defaultValue={shown.purpose}
        error={errors.purpose}
      />
      <TextInput
        id={funderIds.url}
        name="url"
        label="Web address (optional)"
        type="url"
        inputMode="url"
        placeholder="https://"
        defaultValue={shown.url}
        error={errors.url}
      />
      <div className="max-w-xs">
        <SubmitButton
          pending={pending}
          label={id ? 'Save funder' : 'Add funder'}
          pendingLabel="Saving…"
        />
      </div>
    </form>
  );
}

const yearIds = { year: 'income-year', totalIncome: 'income-total', note: 'income-note' };

export function FundingYearForm({ year, values }: { year?: number; values: SaveState['values'] }) {
  const [state, action, pending] = useActionState(saveFundingYearAction, { values, errors: {} });
  const { values: shown, errors } = state;
  return (
    <form action={action} noValidate className="max-w-3xl space-y-6">
      {year && <input type="hidden" name="id" value={year} />}
      <FormMessages message={state.message} errors={errors} fieldIds={yearIds} />
      <div className="grid gap-6 sm:grid-cols-2">
        <TextInput
          id={yearIds.year}
          name="year"
          label="Year"
          inputMode="numeric"
          maxLength={4}
          defaultValue={shown.year}
          error={errors.year}
        />
        <TextInput
          id={yearIds.totalIncome}
          name="totalIncome"
          label="Total income (£)"
          hint="In pounds, such as 1,250,000."
          inputMode="decimal"
          defaultValue={shown.totalIncome}
          error={errors.totalIncome}
        />
      </div>
      <TextInput
        id={yearIds.note}
        name="note"
        label="Note (optional)"
        hint="Shown under the total, such as “Year to 31 March; audited”."
        maxLength={300}
        defaultValue={shown.note}
        error={errors.note}
      />
      <div className="max-w-xs">
        <SubmitButton
          pending={pending}
          label={year ? 'Save income' : 'Record income'}
          pendingLabel="Saving…"
        />
      </div>
    </form>
  );
}
