'use client';

import { ConflictPanel } from '@/components/admin/conflict-panel.client';
import { EditorForm, MarkdownBody, TitleAndSlug } from '@/components/admin/editor-fields';
import { FieldGroup, TextArea, TextInput } from '@/components/admin/form-controls';
import { SaveBar } from '@/components/admin/save-bar';
import { useEditorForm } from '@/components/admin/use-editor-form';
import { createPageAction, editPageAction } from './actions';
import { differingFields, type PageField, type PageFormValues } from './form-values';

interface Props {
  initialValues: PageFormValues;
  initialPreview: string;
  /** Set when editing: the page, the version the form was rendered from, and its status. */
  page?: { id: string; version: number; status: 'draft' | 'published' };
  /** What the page says of the action that led to it, until the next one. */
  notice?: string;
}

const fieldId = (field: string) => `page-${field}`;

type Flag = 'inNavigation' | 'inFooter' | 'showsFunders';
const flags: { field: Flag; label: string }[] = [
  { field: 'inNavigation', label: 'Show in the navigation (the header’s menu)' },
  { field: 'inFooter', label: 'Show in the footer, under “About us”' },
  { field: 'showsFunders', label: 'Show the funders table and income by year under the body' },
];

/** Every field of a page. */
export function PageForm({ initialValues, initialPreview, page, notice }: Props) {
  const form = useEditorForm(page ? editPageAction : createPageAction, initialValues, {
    version: page?.version,
    notice,
  });
  const { values, setValues, state } = form;
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

  const published =
    state.outcome === 'published' ||
    (page?.status === 'published' && state.outcome !== 'unpublished');
  return (
    <EditorForm
      form={form}
      owner={page && { field: 'pageId', id: page.id }}
      fieldId={fieldId}
      conflict={
        state.conflict && (
          <ConflictPanel
            conflict={state.conflict}
            rows={differingFields(state.conflict.values, values)}
            onUseTheirs={(field) =>
              set(field as PageField, state.conflict!.values[field as PageField])
            }
            onKeepMine={() => form.continueFrom(state.conflict!.version)}
          />
        )
      }
    >
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <TitleAndSlug noun="page" editing={!!page} title={text('title')} slug={text('slug')} />
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
              hint="Lower numbers come first. Leave blank to put it after the last page in its menus."
              inputMode="numeric"
              maxLength={4}
              {...text('menuPosition')}
            />
          </div>
        </FieldGroup>
      </div>

      <MarkdownBody body={text('body')} initialPreview={initialPreview} />

      <SaveBar
        id="page-publishing"
        editing={!!page}
        pending={form.pending}
        published={published}
        canPublish={!!page && !published}
        canUnpublish={!!page && published}
      />
    </EditorForm>
  );
}
