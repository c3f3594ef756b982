'use client';

import { SelectInput, TextInput } from '@/components/admin/form-controls';
import { FormMessages } from '@/components/admin/form-messages.client';
import type { SaveState } from '@/components/admin/form-state';
import { useSaveForm } from '@/components/admin/use-save-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { saveCoverageAction } from './actions';

const ids = {
  title: 'coverage-title',
  outlet: 'coverage-outlet',
  publishedOn: 'coverage-date',
  url: 'coverage-url',
  authorId: 'coverage-person',
};

export function CoverageForm({
  id,
  values,
  people,
  notice,
}: {
  id?: string;
  values: SaveState['values'];
  /** What led to the page, such as "Coverage added.", shown until the next save. */
  notice?: string;
  people: { id: string; name: string }[];
}) {
  const { state, action, pending, tracking } = useSaveForm(saveCoverageAction, values, notice);
  const { values: shown, errors } = state;
  return (
    <form action={action} {...tracking} noValidate className="max-w-3xl space-y-6">
      {id && <input type="hidden" name="id" value={id} />}
      <FormMessages message={state.message} errors={errors} fieldIds={ids} success={state.saved} />
      <TextInput
        id={ids.title}
        name="title"
        label="Headline"
        required
        maxLength={300}
        defaultValue={shown.title}
        error={errors.title}
      />
      <TextInput
        id={ids.outlet}
        name="outlet"
        label="Outlet"
        hint="The newspaper, site or programme, such as “The Financial Review” or “Today, BBC Radio 4”."
        required
        maxLength={120}
        defaultValue={shown.outlet}
        error={errors.outlet}
      />
      <TextInput
        id={ids.publishedOn}
        name="publishedOn"
        type="date"
        label="Date it appeared"
        required
        defaultValue={shown.publishedOn}
        error={errors.publishedOn}
        className="max-w-56"
      />
      <TextInput
        id={ids.url}
        name="url"
        type="url"
        label="Web address"
        hint="The full address of the piece, starting with https://."
        required
        maxLength={2000}
        spellCheck={false}
        defaultValue={shown.url}
        error={errors.url}
      />
      <SelectInput
        id={ids.authorId}
        name="authorId"
        label="Our person in it"
        hint="Whoever was quoted, interviewed or wrote it; none for coverage of the Institute’s work as a whole."
        defaultValue={shown.authorId}
        error={errors.authorId}
        options={[
          { value: '', label: 'None' },
          ...people.map((person) => ({ value: person.id, label: person.name })),
        ]}
      />
      <div className="max-w-xs">
        <SubmitButton
          pending={pending}
          label={id ? 'Save coverage' : 'Add coverage'}
          pendingLabel="Saving…"
        />
      </div>
    </form>
  );
}
