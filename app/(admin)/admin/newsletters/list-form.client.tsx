'use client';

import { useState } from 'react';
import { FieldError, SelectInput, TextArea, TextInput } from '@/components/admin/form-controls';
import { FormMessages } from '@/components/admin/form-messages.client';
import type { SaveState } from '@/components/admin/form-state';
import { useSaveForm } from '@/components/admin/use-save-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { saveNewsletterListAction } from './actions';

const ids = {
  name: 'list-name',
  slug: 'list-slug',
  description: 'list-description',
  cadence: 'list-cadence',
  kind: 'list-kind',
  seriesId: 'list-series',
  topicId: 'list-topic',
  archived: 'list-archived',
  softOptIn: 'list-soft-opt-in',
  position: 'list-position',
};

const kinds = [
  { value: 'issues', label: 'Issues an editor sends' },
  { value: 'digest', label: 'A weekly digest of the week’s pieces' },
  { value: 'series', label: 'Each new piece in a series' },
  { value: 'topic', label: 'Each new piece on a topic' },
];

interface Option {
  id: string;
  name: string;
}

export function NewsletterListForm({
  id,
  values,
  notice,
  series,
  topics,
}: {
  id?: string;
  /** What led to the page, such as its creation: shown until the next save answers. */
  notice?: string;
  values: SaveState['values'];
  series: Option[];
  topics: Option[];
}) {
  const { state, action, pending, tracking } = useSaveForm(
    saveNewsletterListAction,
    values,
    notice,
  );
  const { values: shown, errors } = state;
  const [kind, setKind] = useState(shown.kind || 'issues');
  return (
    <form action={action} {...tracking} noValidate className="max-w-3xl space-y-6">
      {id && <input type="hidden" name="id" value={id} />}
      <FormMessages message={state.message} errors={errors} fieldIds={ids} success={state.saved} />
      <TextInput
        id={ids.name}
        name="name"
        label="Name"
        hint="As readers see it on the sign-up forms and in the e-mails’ subject lines."
        required
        maxLength={120}
        defaultValue={shown.name}
        error={errors.name}
      />
      <TextInput
        id={ids.slug}
        name="slug"
        label="Slug"
        hint="Left blank, it is made from the name. It names the list in exports and imports."
        maxLength={120}
        spellCheck={false}
        defaultValue={shown.slug}
        error={errors.slug}
      />
      <TextArea
        id={ids.description}
        name="description"
        label="Description"
        hint="One or two sentences: what a subscriber gets."
        rows={3}
        maxLength={600}
        defaultValue={shown.description}
        error={errors.description}
      />
      <TextInput
        id={ids.cadence}
        name="cadence"
        label="How often"
        hint="In the reader’s words, such as “Every Friday morning”. Recorded with each consent."
        maxLength={120}
        defaultValue={shown.cadence}
        error={errors.cadence}
      />
      <SelectInput
        id={ids.kind}
        name="kind"
        label="How it is sent"
        options={kinds}
        defaultValue={shown.kind || 'issues'}
        onChange={(event) => setKind(event.target.value)}
        error={errors.kind}
      />
      {kind === 'series' && (
        <SelectInput
          id={ids.seriesId}
          name="seriesId"
          label="Series it follows"
          options={[
            { value: '', label: 'Choose a series' },
            ...series.map((row) => ({ value: row.id, label: row.name })),
          ]}
          defaultValue={shown.seriesId ?? ''}
          error={errors.seriesId}
        />
      )}
      {kind === 'topic' && (
        <SelectInput
          id={ids.topicId}
          name="topicId"
          label="Topic it follows"
          options={[
            { value: '', label: 'Choose a topic' },
            ...topics.map((row) => ({ value: row.id, label: row.name })),
          ]}
          defaultValue={shown.topicId ?? ''}
          error={errors.topicId}
        />
      )}
      <TextInput
        id={ids.position}
        name="position"
        type="number"
        inputMode="numeric"
        min={0}
        max={1000}
        label="Position"
        hint="Lists are offered from the lowest number up; the first is the one every page’s footer offers."
        defaultValue={shown.position}
        error={errors.position}
        className="max-w-32"
      />
      <div>
        <label className="flex items-start gap-2">
          <input
            id={ids.softOptIn}
            type="checkbox"
            name="softOptIn"
            defaultChecked={shown.softOptIn === 'on'}
            aria-invalid={errors.softOptIn ? true : undefined}
            aria-describedby={errors.softOptIn ? `${ids.softOptIn}-error` : undefined}
            className="mt-1 h-4 w-4 accent-navy"
          />
          <span>
            <span className="font-semibold">Send to donors unless they refuse</span>
            <span className="block text-sm text-muted">
              The charitable soft opt-in (PECR regulation 22(3A)): the donation form offers this
              list with a box to refuse it; donors who leave the box empty get it once their gift is
              paid. Only one list at a time: choosing this one withdraws another.
            </span>
          </span>
        </label>
        <FieldError id={ids.softOptIn} error={errors.softOptIn} />
      </div>
      <div>
        <label className="flex items-start gap-2">
          <input
            id={ids.archived}
            type="checkbox"
            name="archived"
            defaultChecked={shown.archived === 'on'}
            className="mt-1 h-4 w-4 accent-navy"
          />
          <span>
            <span className="font-semibold">Retired</span>
            <span className="block text-sm text-muted">
              No longer offered, and nobody can join it; its subscribers and their consent records
              are kept.
            </span>
          </span>
        </label>
      </div>
      <div className="max-w-xs">
        <SubmitButton
          pending={pending}
          label={id ? 'Save newsletter' : 'Create newsletter'}
          pendingLabel="Saving…"
        />
      </div>
    </form>
  );
}
