'use client';

import { useState } from 'react';
import { FieldGroup, SelectInput, TextArea, TextInput } from '@/components/admin/form-controls';
import { MediaPicker } from '@/components/admin/media-picker.client';
import type { MediaChoice } from '@/lib/editorial/media-choices';
import type { DocumentChoice } from '@/lib/publications/documents';
import { fileSize, MAX_DOCUMENT_BYTES, megabytes } from '@/lib/publications/limits';
import type { ArticleFormValues } from './form-values';

type PublicationField = 'documentId' | 'coverImageId' | 'coverAlt' | 'keyFindings' | 'isbn' | 'doi';

interface Props {
  values: Pick<ArticleFormValues, PublicationField>;
  errors: Partial<Record<string, string>>;
  documents: DocumentChoice[];
  media: MediaChoice[];
  fieldId: (field: string) => string;
  onChange: (field: PublicationField, value: string) => void;
}

type Upload =
  | { state: 'idle' }
  | { state: 'uploading'; filename: string }
  | { state: 'done'; message: string }
  | { state: 'failed'; error: string };

const describe = (document: DocumentChoice) =>
  `${document.filename} (${document.pageCount} ${document.pageCount === 1 ? 'page' : 'pages'}, ${fileSize(document.bytes)})`;

const uploadAnswer = (value: unknown) =>
  value as
    { ok: true; document: DocumentChoice; alreadyUploaded: boolean } | { ok: false; error: string };

/**
 * What a report, briefing or paper carries beside the body: its PDF (uploaded here, or one
 * uploaded before), a cover, key findings, ISBN and DOI. The upload goes to its own route at
 * once; the article's save records the choice.
 */
export function PublicationFields({ values, errors, documents, media, fieldId, onChange }: Props) {
  const [uploaded, setUploaded] = useState<DocumentChoice[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const seen = new Set<string>();
  const choices = [...uploaded, ...documents].filter(
    (doc) => !seen.has(doc.id) && seen.add(doc.id),
  );
  const fileId = fieldId('pdf-file');

  async function send() {
    if (!file) return setUpload({ state: 'failed', error: 'Choose a PDF file to upload.' });
    if (file.size > MAX_DOCUMENT_BYTES) {
      return setUpload({
        state: 'failed',
        error: `PDFs must be ${megabytes(MAX_DOCUMENT_BYTES)} or smaller; this one is ${megabytes(file.size)}.`,
      });
    }
    setUpload({ state: 'uploading', filename: file.name });
    const data = new FormData();
    data.set('file', file);
    try {
      const response = await fetch('/api/admin/documents', { method: 'POST', body: data });
      const result = uploadAnswer(await response.json());
      if (!result.ok) return setUpload({ state: 'failed', error: result.error });
      setUploaded((current) => [result.document, ...current]);
      onChange('documentId', result.document.id);
      setUpload({
        state: 'done',
        message: `${result.alreadyUploaded ? 'Already uploaded' : 'Uploaded'}: ${describe(result.document)}. It is the chosen PDF now; save the article to keep the choice.`,
      });
    } catch {
      setUpload({
        state: 'failed',
        error: 'The upload did not reach the server. Check your connection and try again.',
      });
    }
  }

  return (
    <FieldGroup
      id={fieldId('publication')}
      legend="Publication"
      hint="Reports, briefings and papers can carry a PDF, a cover and key findings, and are listed on /publications."
    >
      <div className="mt-3 space-y-6">
        <div className="grid gap-4 md:grid-cols-2">
          <SelectInput
            id={fieldId('documentId')}
            name="documentId"
            label="PDF"
            hint="Its text is searched with the body; readers who may not read the body cannot download it."
            value={values.documentId}
            error={errors.documentId}
            onChange={(event) => onChange('documentId', event.target.value)}
            options={[
              { value: '', label: 'No PDF' },
              ...choices.map((doc) => ({ value: doc.id, label: describe(doc) })),
            ]}
          />
          <div>
            <label htmlFor={fileId} className="block text-sm font-semibold">
              Upload a PDF
            </label>
            <p id={`${fileId}-hint`} className="text-sm text-muted">
              Up to {megabytes(MAX_DOCUMENT_BYTES)}, without a password.
            </p>
            <div className="mt-1 flex flex-wrap items-center gap-3">
              <input
                id={fileId}
                type="file"
                accept="application/pdf,.pdf"
                aria-describedby={`${fileId}-hint`}
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setUpload({ state: 'idle' });
                }}
                className="max-w-full text-sm"
              />
              <button
                type="button"
                onClick={send}
                disabled={upload.state === 'uploading'}
                className="rounded border border-navy bg-white px-3 py-1 text-sm font-semibold text-navy disabled:opacity-60"
              >
                Upload PDF
              </button>
            </div>
            <p role="status" className="mt-1 text-sm">
              {upload.state === 'uploading' && `Uploading ${upload.filename}…`}
              {upload.state === 'done' && upload.message}
            </p>
            {upload.state === 'failed' && (
              <p role="alert" className="mt-1 text-sm font-medium text-accent-dark">
                {upload.error}
              </p>
            )}
          </div>
        </div>

        <TextArea
          id={fieldId('keyFindings')}
          name="keyFindings"
          label="Key findings"
          hint="Markdown, shown in a box at the top: usually a short list (- one finding a line)."
          rows={6}
          className="font-mono text-sm"
          value={values.keyFindings}
          error={errors.keyFindings}
          onChange={(event) => onChange('keyFindings', event.target.value)}
        />

        <div className="grid gap-4 md:grid-cols-2">
          <TextInput
            id={fieldId('isbn')}
            name="isbn"
            label="ISBN"
            hint="ISBN-10 or ISBN-13, hyphens allowed."
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            value={values.isbn}
            error={errors.isbn}
            onChange={(event) => onChange('isbn', event.target.value)}
          />
          <TextInput
            id={fieldId('doi')}
            name="doi"
            label="DOI"
            hint="Such as 10.12345/ngi.2026.01 (a doi.org link is fine too)."
            autoComplete="off"
            spellCheck={false}
            value={values.doi}
            error={errors.doi}
            onChange={(event) => onChange('doi', event.target.value)}
          />
        </div>

        <MediaPicker
          id={fieldId('coverImageId')}
          name="coverImageId"
          legend="Cover image"
          choices={media}
          value={values.coverImageId}
          onChange={(image) => {
            onChange('coverImageId', image?.id ?? '');
            if (image && !values.coverAlt) onChange('coverAlt', image.alt);
          }}
          error={errors.coverImageId}
        />
        <TextInput
          id={fieldId('coverAlt')}
          name="coverAlt"
          label="Cover description for people who cannot see it (alt text)"
          hint="Required with a cover."
          maxLength={300}
          value={values.coverAlt}
          error={errors.coverAlt}
          onChange={(event) => onChange('coverAlt', event.target.value)}
        />
      </div>
    </FieldGroup>
  );
}
