import type { ReactNode } from 'react';
import { slugify } from '@/lib/editorial/slugify';
import { TextArea, TextInput } from './form-controls';
import { FormMessages } from './form-messages.client';
import { MarkdownPreview } from './markdown-preview.client';

// The parts an article's and a page's forms share: the form with its messages, the title, the
// address and the body.

/** A text field's props, as an editor's form hands them out. */
export interface TextField {
  id: string;
  name: string;
  value: string;
  error?: string;
  onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
}

/** What the form needs of useEditorForm. */
interface FormHandle {
  submit: (event: React.FormEvent<HTMLFormElement>) => void;
  expectedVersion?: number;
  state: { message?: string; errors: Record<string, string> };
  success: boolean;
  resumed?: number;
}

interface FormProps {
  form: FormHandle;
  /** The posted field naming the one edited, and its id; none for a new one. */
  owner?: { field: string; id: string };
  fieldId: (field: string) => string;
  /** The comparison with another editor's version, after a conflict. */
  conflict?: ReactNode;
  children: ReactNode;
}

/**
 * The form around an editor's fields, with what the last action did above them: its message,
 * or the version the form now continues from after a conflict, and any conflict to compare.
 */
export function EditorForm({ form, owner, fieldId, conflict, children }: FormProps) {
  const { message, errors } = form.state;
  return (
    <form onSubmit={form.submit} noValidate className="space-y-8">
      {owner && <input type="hidden" name={owner.field} value={owner.id} />}
      {form.expectedVersion !== undefined && (
        <input type="hidden" name="expectedVersion" value={form.expectedVersion} />
      )}
      <div className="space-y-4">
        {form.resumed === undefined ? (
          <FormMessages
            message={message}
            errors={errors}
            fieldIds={Object.fromEntries(
              Object.keys(errors).map((field) => [field, fieldId(field)]),
            )}
            success={form.success}
          />
        ) : (
          <p role="status" className="rounded border border-navy bg-white px-4 py-3 text-navy">
            Your form now continues from version {form.resumed}. Nothing is saved yet: save when
            ready.
          </p>
        )}
        {form.resumed === undefined && conflict}
      </div>
      {children}
    </form>
  );
}

/** The title, and the slug made from it unless the editor types one. */
export function TitleAndSlug({
  noun,
  editing,
  title,
  slug,
}: {
  noun: 'article' | 'page';
  editing: boolean;
  title: TextField;
  slug: TextField;
}) {
  const suggested = slugify(title.value);
  return (
    <>
      <TextInput label="Title" required maxLength={200} {...title} />
      <TextInput
        label="Slug (the end of the web address)"
        hint={
          editing
            ? `Changing it moves the ${noun} to a new address, and links to the old one stop working. Leave blank to keep the current one.`
            : `Leave blank to make one from the title${suggested ? `: ${suggested}` : ''}.`
        }
        placeholder={editing ? undefined : suggested}
        maxLength={120}
        autoComplete="off"
        spellCheck={false}
        {...slug}
      />
    </>
  );
}

/** The Markdown body beside its preview, as readers will see it. */
export function MarkdownBody({
  body,
  initialPreview,
}: {
  body: TextField;
  initialPreview: string;
}) {
  return (
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
        {...body}
      />
      <MarkdownPreview markdown={body.value} initialHtml={initialPreview} />
    </div>
  );
}
