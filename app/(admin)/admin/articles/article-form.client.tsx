'use client';

import { EditorForm, MarkdownBody, TitleAndSlug } from '@/components/admin/editor-fields';
import { FieldGroup, SelectInput, TextArea, TextInput } from '@/components/admin/form-controls';
import { MediaPicker } from '@/components/admin/media-picker.client';
import { SaveBar, secondaryButton } from '@/components/admin/save-bar';
import { useEditorForm } from '@/components/admin/use-editor-form';
import { articleKindLabels } from '@/lib/content/labels';
import type { MediaChoice } from '@/lib/editorial/media-choices';
import type { DocumentChoice } from '@/lib/publications/documents';
import { isPublicationKind } from '@/lib/publications/kinds';
import { createArticleAction, editArticleAction } from './actions';
import { AuthorPicker } from './author-picker.client';
import { ConflictPanel } from './conflict-panel.client';
import type { ArticleField, ArticleFormValues } from './form-values';
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
  /** What the page says of the action that led to it, until the next one. */
  notice?: string;
}

const fieldId = (field: string) => `article-${field}`;
const kinds = Object.entries(articleKindLabels).map(([value, label]) => ({ value, label }));

/** Every field of an article. */
export function ArticleForm({ initialValues, initialPreview, choices, article, notice }: Props) {
  const form = useEditorForm(article ? editArticleAction : createArticleAction, initialValues, {
    version: article?.version,
    notice,
  });
  const { values, setValues, state } = form;
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

  return (
    <EditorForm
      form={form}
      owner={article && { field: 'articleId', id: article.id }}
      fieldId={fieldId}
      conflict={
        state.conflict && (
          <ConflictPanel
            conflict={state.conflict}
            mine={values}
            names={names}
            onUseTheirs={(field) => set(field)(state.conflict!.values[field])}
            onKeepMine={() => form.continueFrom(state.conflict!.version)}
          />
        )
      }
    >
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <TitleAndSlug
            noun="article"
            editing={!!article}
            title={text('title')}
            slug={text('slug')}
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

      <MarkdownBody body={text('body')} initialPreview={initialPreview} />

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

      <SaveBar
        id="article-publishing"
        editing={!!article}
        pending={form.pending}
        published={!!article && article.status !== 'draft'}
        canPublish={!!article && !article.live}
        canUnpublish={!!article && article.status !== 'draft'}
        options={
          article && (
            <label className="flex items-start gap-2">
              <input type="checkbox" name="markRevised" className="mt-1" />
              <span>
                Show readers an “Updated” date: tick for a substantive change to a published piece,
                not for a typo.
              </span>
            </label>
          )
        }
      >
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
              disabled={form.pending}
              className={secondaryButton}
            >
              Schedule
            </button>
          </div>
        )}
      </SaveBar>
    </EditorForm>
  );
}
