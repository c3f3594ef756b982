'use client';

import { FormMessages } from '@/components/admin/form-messages.client';
import type { SaveState } from '@/components/admin/form-state';
import { useSaveForm } from '@/components/admin/use-save-form';
import { SelectField } from '@/components/admin/select-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { saveHomeAction } from './actions';

type Option = readonly [value: string, label: string];

interface Props {
  values: SaveState['values'];
  pieces: Option[];
  publications: Option[];
  topics: Option[];
  topicFields: string[];
}

const ordinals = ['First', 'Second', 'Third', 'Fourth'];

export function HomeForm({ values, pieces, publications, topics, topicFields }: Props) {
  const { state, action, pending, tracking } = useSaveForm(saveHomeAction, values);
  const { values: shown, errors } = state;
  const fieldIds = Object.fromEntries(
    ['leadArticleId', 'featuredPublicationId', ...topicFields].map((name) => [name, name]),
  );
  return (
    <form action={action} {...tracking} noValidate className="max-w-3xl space-y-8">
      <FormMessages
        message={state.message}
        errors={errors}
        fieldIds={fieldIds}
        success={state.saved}
      />
      <fieldset className="space-y-6">
        <legend className="font-serif text-2xl font-semibold">At the top</legend>
        <SelectField
          id="leadArticleId"
          name="leadArticleId"
          label="Lead piece"
          options={[['', 'The newest piece (chosen by date)'], ...pieces]}
          defaultValue={shown.leadArticleId}
          error={errors.leadArticleId}
        />
        <SelectField
          id="featuredPublicationId"
          name="featuredPublicationId"
          label="Featured publication"
          options={[['', 'The newest report, briefing or paper (chosen by date)'], ...publications]}
          defaultValue={shown.featuredPublicationId}
          error={errors.featuredPublicationId}
        />
      </fieldset>
      <fieldset className="space-y-6">
        <legend className="font-serif text-2xl font-semibold">Topic sections</legend>
        <p className="text-muted">
          Each chosen topic or region gets a section with its three newest pieces, in this order. A
          topic with nothing published is left out until it has.
        </p>
        {topicFields.map((name, index) => (
          <SelectField
            key={name}
            id={name}
            name={name}
            label={`${ordinals[index] ?? `Topic ${index + 1}`} topic section`}
            options={[['', 'None'], ...topics]}
            defaultValue={shown[name]}
            error={errors[name]}
          />
        ))}
      </fieldset>
      <div className="max-w-xs">
        <SubmitButton pending={pending} label="Save the home page" pendingLabel="Saving…" />
      </div>
    </form>
  );
}
