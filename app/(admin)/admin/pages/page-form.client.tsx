'use client';

import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { ConflictPanel } from '@/components/admin/conflict-panel.client';
import { FieldGroup, TextArea, TextInput } from '@/components/admin/form-controls';
import { FormMessages } from '@/components/admin/form-messages.client';
import { useLeaveWarning } from '@/components/admin/use-leave-warning';
import { slugify } from '@/lib/editorial/slugify';
import { MarkdownPreview } from '../articles/markdown-preview.client';
import { createPageAction, editPageAction } from './actions';
import {
  differingFields,
  type PageField,
  type PageFormState,
  type PageFormValues,
} from './form-values';

interface Props {
  initialValues: PageFormValues;
  initialPreview: string;
  /** Set when editing: the page, the version the form was rendered from, and its status. */
  page?: { id: string; version: number; status: 'draft' | 'published' };
}

const fieldId = (field: string) => `page-${field}`;
const done = new Set(['saved', 'published', 'unpublished']);
const primary =
  'rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep disabled:opacity-60';
const secondary =
  'rounded border border-navy bg-white px-4 py-2 font-semibold text-navy disabled:opacity-60';

type Flag = 'inNavigation' | 'inFooter' | 'showsFunders';
const flags: { field: Flag; label: string }[] = [
  { field: 'inNavigation', label: 'Show in the navigation (the header’s menu)' },
  { field: 'inFooter', label: 'Show in the footer, under “About us”' },
  { field: 'showsFunders', label: 'Show the funders table and income by year under the body' },
];

/**
 * Every field of a page. The values live in this component's state, so they stay exactly as
 * typed through failed saves and conflicts; the form is submitted by hand so React never resets it.
 */
export function PageForm({ initialValues, initialPreview, page }: Props) {
  const [values, setValues] = useState(initialValues);
  const [state, dispatch, pending] = useActionState<PageFormState, FormData>(
    page ? editPageAction : createPageAction,
    { errors: {}, version: page?.version },
  );
  const [continued, setContinued] = useState<{ from: PageFormState; version: number } | null>(null);
  const [savedValues, setSavedValues] = useState(initialValues);
  const submitted = useRef(initialValues);
  useEffect(() => {
    if (done.has(state.outcome ?? '')) setSavedValues(submitted.current);
  }, [state]);
  useLeaveWarning(JSON.stringify(values) !== JSON.stringify(savedValues));

  const resumed = continued?.from === state;
  const expectedVersion = resumed ? continued.version : state.version;
  const errors = state.errors;
  const set = <F extends PageField>(field: F, value: PageFormValues[F]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const text = (field: Exclude<PageField, Flag>) => ({
    id: fieldId(field),
    name: field,
    value: values[field],
    error: errors[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(field, event.target.value),
  });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    submitted.current = values;
    startTransition(() => dispatch(data));
  }

  const suggestedSlug = slugify(values.title);
  const published =
    state.outcome === 'published' ||
    (page?.status === 'published' && state.outcome !== 'unpublished');
  return (
    <form onSubmit={submit} noValidate className="space-y-8">
      {page && <input type="hidden" name="pageId" value={page.id} />}
      {expectedVersion !== undefined && (
        <input type="hidden" name="expectedVersion" value={expectedVersion} />
      )}

      <div className="space-y-4">
        {!resumed && (
          <FormMessages
            message={state.message}
            errors={errors}
            fieldIds={Object.fromEntries(
              Object.keys(errors).map((field) => [field, fieldId(field)]),
            )}
            success={done.has(state.outcome ?? '')}
          />
        )}
        {resumed && (
          <p role="status" className="rounded border border-navy bg-white px-4 py-3 text-navy">
            Your form now continues from version {continued.version}. Nothing is saved yet: save
            when ready.
          </p>
        )}
        {state.conflict && !resumed && (
          <ConflictPanel
            conflict={state.conflict}
            rows={differingFields(state.conflict.values, values)}
            onUseTheirs={(field) =>
              set(field as PageField, state.conflict!.values[field as PageField])
            }
            onKeepMine={() => setContinued({ from: state, version: state.conflict!.version })}
          />
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <TextInput label="Title" required maxLength={200} {...text('title')} />
          <TextInput
            label="Slug (the end of the web address)"
            hint={
              page
                ? 'Changing it moves the page to a new address, and links to the old one stop working. Leave blank to keep the current one.'
                : `Leave blank to make one from the title${suggestedSlug ? `: ${suggestedSlug}` : ''}.`
            }
            placeholder={page ? undefined : suggestedSlug}
            maxLength={120}
            autoComplete="off"
            spellCheck={false}
            {...text('slug')}
          />
          <TextArea
            label="Summary"
            hint="One or two sentences under the title; search engines and link previews show it too."
            rows={3}
            maxLength={300}
            {...text('summary')}
          />
        </div>
        <FieldGroup id={fieldId('menus')} legend="Where it appears">
          <div className="mt-2 space-y-3">
            {flags.map(({ field, label }) => (
              <label key={field} className="flex items-start gap-2">
                <input
                  type="checkbox"
                  name={field}
                  checked={values[field]}
                  onChange={(event) => set(field, event.target.checked)}
                  className="mt-1"
                />
                {label}
              </label>
            ))}
            <TextInput
              label="Menu label"
              hint="The link’s words, if shorter than the title."
              maxLength={40}
              {...text('menuLabel')}
            />
            <TextInput
              label="Menu position"
              hint="Lower numbers come first."
              inputMode="numeric"
              maxLength={4}
              {...text('menuPosition')}
            />
          </div>
        </FieldGroup>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <TextArea
          label="Body"
          hint={
            <>
              Markdown: **bold**, _italic_, [link](https://…), ## Heading, - list, &gt; quote. Raw
              HTML is removed. The preview shows exactly what readers will see.
            </>
          }
          rows={24}
          className="font-mono text-sm"
          {...text('body')}
        />
        <MarkdownPreview markdown={values.body} initialHtml={initialPreview} />
      </div>

      <FieldGroup id="page-publishing" legend={page ? 'Save and publish' : 'Save'}>
        <div className="mt-3 flex flex-wrap gap-3">
          <button type="submit" name="intent" value="save" disabled={pending} className={primary}>
            {published ? 'Save' : 'Save draft'}
          </button>
          {page && !published && (
            <button
              type="submit"
              name="intent"
              value="publish"
              disabled={pending}
              className={secondary}
            >
              Publish now
            </button>
          )}
          {page && published && (
            <button
              type="submit"
              name="intent"
              value="unpublish"
              disabled={pending}
              className={secondary}
            >
              Unpublish
            </button>
          )}
        </div>
        <p role="status" className="mt-2 text-sm text-muted">
          {pending ? 'Saving…' : ''}
        </p>
      </FieldGroup>
    </form>
  );
}
