'use client';

import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { useLeaveWarning } from '@/components/admin/use-leave-warning';
import { FieldGroup, SelectInput, TextArea, TextInput } from '@/components/admin/form-controls';
import { FormMessages } from '@/components/admin/form-messages.client';
import { MediaPicker } from '@/components/admin/media-picker.client';
import { articleKindLabels } from '@/lib/content/labels';
import type { MediaChoice } from '@/lib/editorial/media-choices';
import type { DocumentChoice } from '@/lib/publications/documents';
import { isPublicationKind } from '@/lib/publications/kinds';
import { slugify } from '@/lib/editorial/slugify';
import { createArticleAction, editArticleAction } from './actions';
import { AuthorPicker } from './author-picker.client';
import { ConflictPanel } from './conflict-panel.client';
import type { ArticleField, ArticleFormState, ArticleFormValues } from './form-values';
import { MarkdownPreview } from './markdown-preview.client';
import { PublicationFields } from './publication-fields.client';

interface Option {
  id: string;
  name: string;
}

export interface ArticleChoices {
  experts: Option[];
  series: Option[];
  topics: Option[];
  regions: Option[];
  media: MediaChoice[];
  /** Membership tiers, for pieces only their members may read. */
  tiers: Option[];
  /** Uploaded PDFs, for reports, briefings and papers. */
  documents: DocumentChoice[];
}

type ChoiceField = 'topicIds' | 'regionIds' | 'tierIds';

interface Props {
  initialValues: ArticleFormValues;
  initialPreview: string;
  choices: ArticleChoices;
  /** Set when editing: the article, the version the page was rendered from, and its standing. */
  article?: {
    id: string;
    version: number;
    status: 'draft' | 'scheduled' | 'published';
    live: boolean;
    /** For a scheduled article, its time as a London datetime-local value. */
    scheduledFor: string | null;
  };
}

const fieldId = (field: string) => `article-${field}`;
const done = new Set(['saved', 'published', 'scheduled', 'unpublished']);
const kinds = Object.entries(articleKindLabels).map(([value, label]) => ({ value, label }));
const primary =
  'rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep disabled:opacity-60';
const secondary =
  'rounded border border-navy bg-white px-4 py-2 font-semibold text-navy disabled:opacity-60';

/**
 * Every field of an article. The values live in this component's state, so they stay exactly as
 * typed through failed saves and conflicts; the form is submitted by hand (not as a form action)
 * so React never resets it.
 */
export function ArticleForm({ initialValues, initialPreview, choices, article }: Props) {
  const [values, setValues] = useState(initialValues);
  const [state, dispatch, pending] = useActionState<ArticleFormState, FormData>(
    article ? editArticleAction : createArticleAction,
    { errors: {}, version: article?.version },
  );
  // Set when the editor, shown a conflict, chooses to continue from the other editor's version.
  const [continued, setContinued] = useState<{ from: ArticleFormState; version: number } | null>(
    null,
  );

  // What the last successful save stored, to tell whether leaving would lose anything.
  const [savedValues, setSavedValues] = useState(initialValues);
  const submitted = useRef(initialValues);
  useEffect(() => {
    if (done.has(state.outcome ?? '')) setSavedValues(submitted.current);
  }, [state]);
  useLeaveWarning(JSON.stringify(values) !== JSON.stringify(savedValues));

  const resumed = continued?.from === state;
  const expectedVersion = resumed ? continued.version : state.version;
  const errors = state.errors;
  const set =
    <F extends ArticleField>(field: F) =>
    (value: ArticleFormValues[F]) =>
      setValues((current) => ({ ...current, [field]: value }));
  const text = (field: ArticleField) => ({
    id: fieldId(field),
    name: field,
    value: values[field] as string,
    error: errors[field],
    onChange: (
      event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>,
    ) => set(field)(event.target.value),
  });
  const toggle = (field: ChoiceField, id: string, on: boolean) =>
    set(field)(on ? [...values[field], id] : values[field].filter((chosen) => chosen !== id));

  const names = new Map<string, string>(
    [
      ...choices.experts,
      ...choices.series,
      ...choices.topics,
      ...choices.regions,
      ...choices.tiers,
    ].map((o) => [o.id, o.name]),
  );
  for (const image of choices.media)
    names.set(image.id, image.alt || 'Image without a description');
  for (const document of choices.documents) names.set(document.id, document.filename);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    submitted.current = values;
    startTransition(() => dispatch(data));
  }

  function chooseHero(image: MediaChoice | null) {
    setValues((current) => ({
      ...current,
      heroImageId: image?.id ?? '',
      // The library's description and credit are a starting point; an editor's own stay.
      heroAlt: current.heroAlt || image?.alt || '',
      heroCredit: current.heroCredit || image?.credit || '',
    }));
  }

  /** A list of checkboxes choosing ids for one of the form's many-valued fields. */
  const choiceList = (field: ChoiceField, options: Option[], className: string) => (
    <ul className={className}>
      {options.map((option) => (
        <li key={option.id}>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              name={field}
              value={option.id}
              checked={values[field].includes(option.id)}
              onChange={(event) => toggle(field, option.id, event.target.checked)}
              className="mt-1"
            />
            {option.name}
          </label>
        </li>
      ))}
    </ul>
  );

  const suggestedSlug = slugify(values.title);
  return (
    <form onSubmit={submit} noValidate className="space-y-8">
      {article && <input type="hidden" name="articleId" value={article.id} />}
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
            mine={values}
            names={names}
            onUseTheirs={(field) => set(field)(state.conflict!.values[field])}
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
              article
                ? 'Changing it moves the article to a new address, and links to the old one stop working. Leave blank to keep the current one.'
                : `Leave blank to make one from the title${suggestedSlug ? `: ${suggestedSlug}` : ''}.`
            }
            placeholder={article ? undefined : suggestedSlug}
            maxLength={120}
            autoComplete="off"
            spellCheck={false}
            {...text('slug')}
          />
          <TextArea
            label="Standfirst"
            hint="One or two sentences under the title, shown in listings and search results."
            rows={3}
            maxLength={600}
            {...text('standfirst')}
          />
        </div>
        <div className="space-y-6">
          <SelectInput label="Kind" options={kinds} {...text('kind')} />
          <FieldGroup id={fieldId('visibility')} legend="Who may read it" error={errors.visibility}>
            {[
              ['public', 'Everyone'],
              ['members', 'Members only (others see the title and standfirst)'],
              ...(choices.tiers.length > 0 || values.visibility === 'tiers'
                ? [['tiers', 'Members of chosen tiers (others see the title and standfirst)']]
                : []),
            ].map(([value, label]) => (
              <label key={value} className="mt-2 flex items-start gap-2">
                <input
                  type="radio"
                  name="visibility"
                  value={value}
                  checked={values.visibility === value}
                  onChange={() => set('visibility')(value!)}
                  className="mt-1"
                />
                {label}
              </label>
            ))}
          </FieldGroup>
          {values.visibility === 'tiers' && (
            <FieldGroup id={fieldId('tierIds')} legend="Tiers" error={errors.tierIds}>
              {choiceList('tierIds', choices.tiers, 'mt-2 grid gap-1')}
            </FieldGroup>
          )}
          <SelectInput
            label="Series"
            options={[
              { value: '', label: 'None' },
              ...choices.series.map((item) => ({ value: item.id, label: item.name })),
            ]}
            {...text('seriesId')}
          />
        </div>
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

      <AuthorPicker
        id={fieldId('authorIds')}
        experts={choices.experts}
        value={values.authorIds}
        onChange={set('authorIds')}
        error={errors.authorIds}
      />

      <div className="grid gap-6 md:grid-cols-2">
        {(['topicIds', 'regionIds'] as const).map((field) => (
          <FieldGroup
            key={field}
            id={fieldId(field)}
            legend={field === 'topicIds' ? 'Topics' : 'Regions'}
            error={errors[field]}
          >
            {choiceList(
              field,
              choices[field === 'topicIds' ? 'topics' : 'regions'],
              'mt-2 grid gap-1 sm:grid-cols-2',
            )}
          </FieldGroup>
        ))}
      </div>

      <FieldGroup
        id={fieldId('hero')}
        legend="Hero image"
        hint="Shown at the top of the article and in listings."
      >
        <div className="mt-3 space-y-4">
          <MediaPicker
            id={fieldId('heroImageId')}
            name="heroImageId"
            legend="Image"
            choices={choices.media}
            value={values.heroImageId}
            onChange={chooseHero}
            error={errors.heroImageId}
          />
          <div className="grid gap-4 md:grid-cols-3">
            <TextInput
              label="Description for people who cannot see it (alt text)"
              hint="Required with an image."
              maxLength={300}
              {...text('heroAlt')}
            />
            <TextInput label="Caption" maxLength={500} {...text('heroCaption')} />
            <TextInput label="Credit" maxLength={200} {...text('heroCredit')} />
          </div>
        </div>
      </FieldGroup>

      {isPublicationKind(values.kind) && (
        <PublicationFields
          values={values}
          errors={errors}
          documents={choices.documents}
          media={choices.media}
          fieldId={fieldId}
          onChange={(field, value) => set(field)(value)}
        />
      )}

      <FieldGroup
        id={fieldId('external')}
        legend="Published elsewhere first (optional)"
        hint="For an excerpt: readers are sent to the original with “Read the rest at …”."
      >
        <div className="mt-3 grid gap-4 md:grid-cols-3">
          <TextInput label="Publication’s name" maxLength={200} {...text('externalSourceName')} />
          <TextInput
            label="Link to the original"
            type="url"
            inputMode="url"
            placeholder="https://"
            {...text('externalSourceUrl')}
          />
          <TextInput
            label="First published there on"
            type="date"
            {...text('externalPublishedAt')}
          />
        </div>
      </FieldGroup>

      <FieldGroup id="article-publishing" legend={article ? 'Save and publish' : 'Save'}>
        <div className="mt-3 space-y-4">
          {article && (
            <label className="flex items-start gap-2">
              <input type="checkbox" name="markRevised" className="mt-1" />
              <span>
                Show readers an “Updated” date: tick for a substantive change to a published piece,
                not for a typo.
              </span>
            </label>
          )}
          <div className="flex flex-wrap gap-3">
            <button type="submit" name="intent" value="save" disabled={pending} className={primary}>
              {article && article.status !== 'draft' ? 'Save' : 'Save draft'}
            </button>
            {article && !article.live && (
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
            {article && article.status !== 'draft' && (
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
          {article && !article.live && (
            <div className="flex flex-wrap items-end gap-3">
              <div>
                <TextInput
                  id={fieldId('scheduleAt')}
                  name="scheduleAt"
                  type="datetime-local"
                  label="Publish at"
                  hint="London time (GMT in winter, BST in summer), whatever your computer’s time zone."
                  defaultValue={article.scheduledFor ?? ''}
                  error={errors.scheduleAt}
                />
              </div>
              <button
                type="submit"
                name="intent"
                value="schedule"
                disabled={pending}
                className={secondary}
              >
                Schedule
              </button>
            </div>
          )}
          <p role="status" className="text-sm text-muted">
            {pending ? 'Saving…' : ''}
          </p>
        </div>
      </FieldGroup>
    </form>
  );
}
