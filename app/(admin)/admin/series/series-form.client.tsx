'use client';

import { useActionState } from 'react';
import { SelectInput, TextArea, TextInput } from '@/components/admin/form-controls';
import { FormMessages } from '@/components/admin/form-messages.client';
import type { SaveState } from '@/components/admin/form-state';
import { SubmitButton } from '@/components/forms/submit-button';
import { saveSeriesAction } from './actions';

const ids = {
  name: 'series-name',
  slug: 'series-slug',
  description: 'series-description',
  columnistId: 'series-columnist',
};

export function SeriesForm({
  id,
  values,
  experts,
}: {
  id?: string;
  values: SaveState['values'];
  experts: { id: string; name: string }[];
}) {
  const [state, action, pending] = useActionState(saveSeriesAction, { values, errors: {} });
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
        maxLength={120}
        defaultValue={shown.name}
        error={errors.name}
      />
      <TextInput
        id={ids.slug}
        name="slug"
        label="Slug (the end of the series’ page address)"
        hint={
          id
            ? 'Leave blank to keep the current one. Changing it moves the series’ page and feed.'
            : 'Leave blank to make one from the name.'
        }
        maxLength={120}
        spellCheck={false}
        defaultValue={shown.slug}
        error={errors.slug}
      />
      <TextArea
        id={ids.description}
        name="description"
        label="Description"
        rows={5}
        maxLength={2000}
        defaultValue={shown.description}
        error={errors.description}
      />
      <SelectInput
        id={ids.columnistId}
        name="columnistId"
        label="Columnist"
        hint="For one expert’s regular column; leave as none for a shared series."
        defaultValue={shown.columnistId}
        error={errors.columnistId}
        options={[
          { value: '', label: 'None' },
          ...experts.map((expert) => ({ value: expert.id, label: expert.name })),
        ]}
      />
      <div className="max-w-xs">
        <SubmitButton
          pending={pending}
          label={id ? 'Save series' : 'Create series'}
          pendingLabel="Saving…"
        />
      </div>
    </form>
  );
}
