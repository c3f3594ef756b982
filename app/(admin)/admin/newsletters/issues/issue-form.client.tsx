'use client';

import { useState } from 'react';
import { SelectInput, TextArea, TextInput } from '@/components/admin/form-controls';
import { FormMessages } from '@/components/admin/form-messages.client';
import type { SaveState } from '@/components/admin/form-state';
import { OrderedPicker, type PickerOption } from '@/components/admin/ordered-picker.client';
import { useSaveForm } from '@/components/admin/use-save-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { saveIssueAction } from './actions';

const ids = {
  listId: 'issue-list',
  subject: 'issue-subject',
  preheader: 'issue-preheader',
  intro: 'issue-intro',
  articleIds: 'issue-pieces',
};

const pieceWords = {
  legend: 'Pieces, in the order readers see them',
  hint: 'Each becomes a card: its title, byline and standfirst, then its opening (the whole piece when it is the only one). Members-only pieces reach others as a card that invites them to join.',
  empty: 'No pieces yet.',
  addLabel: 'Add a published piece',
  choose: 'Choose a piece…',
  addButton: 'Add to the issue',
  place: 'the issue',
  unknown: 'A piece no longer published',
};

export function IssueForm({
  id,
  values,
  notice,
  lists,
  pieces,
  maxPieces,
}: {
  id?: string;
  notice?: string;
  values: SaveState['values'];
  lists: { id: string; name: string }[];
  pieces: PickerOption[];
  maxPieces: number;
}) {
  const { state, action, pending, tracking } = useSaveForm(saveIssueAction, values, notice);
  const { values: shown, errors } = state;
  const [chosen, setChosen] = useState(() =>
    shown.articleIds ? shown.articleIds.split(',').filter(Boolean) : [],
  );
  return (
    <form action={action} {...tracking} noValidate className="max-w-3xl space-y-6">
      {id && <input type="hidden" name="id" value={id} />}
      <FormMessages message={state.message} errors={errors} fieldIds={ids} success={state.saved} />
      <SelectInput
        id={ids.listId}
        name="listId"
        label="Newsletter"
        hint="Its confirmed subscribers get the issue."
        options={[
          { value: '', label: 'Choose a newsletter' },
          ...lists.map((list) => ({ value: list.id, label: list.name })),
        ]}
        defaultValue={shown.listId ?? ''}
        error={errors.listId}
      />
      <TextInput
        id={ids.subject}
        name="subject"
        label="Subject"
        required
        maxLength={150}
        defaultValue={shown.subject}
        error={errors.subject}
      />
      <TextInput
        id={ids.preheader}
        name="preheader"
        label="Preview line"
        hint="The line most mail programs show after the subject, before the e-mail is opened."
        maxLength={200}
        defaultValue={shown.preheader}
        error={errors.preheader}
      />
      <TextArea
        id={ids.intro}
        name="intro"
        label="Introduction"
        hint="Markdown, above the pieces: a short note from the editor. Links and lists work."
        rows={8}
        maxLength={20000}
        defaultValue={shown.intro}
        error={errors.intro}
        className="font-mono text-sm"
      />
      <OrderedPicker
        id={ids.articleIds}
        name="articleIds"
        options={pieces}
        value={chosen}
        onChange={(next) => {
          setChosen(next);
          tracking.onChange();
        }}
        words={pieceWords}
        error={errors.articleIds}
        max={maxPieces}
      />
      <div className="max-w-xs">
        <SubmitButton
          pending={pending}
          label={id ? 'Save issue' : 'Save draft'}
          pendingLabel="Saving…"
        />
      </div>
    </form>
  );
}
