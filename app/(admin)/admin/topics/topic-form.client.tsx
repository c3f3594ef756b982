'use client';

import { useActionState } from 'react';
import { FieldGroup, TextArea, TextInput } from '@/components/admin/form-controls';
import { FormMessages } from '@/components/admin/form-messages.client';
import type { SaveState } from '@/components/admin/form-state';
import { SubmitButton } from '@/components/forms/submit-button';
import { saveTopicAction } from './actions';

const ids = {
  name: 'topic-name',
  slug: 'topic-slug',
  kind: 'topic-kind',
  description: 'topic-description',
};

const kinds = [
  ['topic', 'Topic (a subject, such as “Energy and Climate”)'],
  ['region', 'Region (a place, such as “Europe”)'],
] as const;

export function TopicForm({ id, values }: { id?: string; values: SaveState['values'] }) {
  const [state, action, pending] = useActionState(saveTopicAction, { values, errors: {} });
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
      <FieldGroup id={ids.kind} legend="Topic or region" error={errors.kind}>
        {kinds.map(([value, label]) => (
          <label key={value} className="mt-2 flex items-start gap-2">
            <input
              type="radio"
              name="kind"
              value={value}
              defaultChecked={shown.kind === value}
              className="mt-1"
            />
            {label}
          </label>
        ))}
      </FieldGroup>
      <TextInput
        id={ids.slug}
        name="slug"
        label="Slug (the end of its page address)"
        hint={
          id
            ? 'Leave blank to keep the current one. Changing it moves its page and feed.'
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
      <div className="max-w-xs">
        <SubmitButton pending={pending} label={id ? 'Save' : 'Create'} pendingLabel="Saving…" />
      </div>
    </form>
  );
}
