'use client';

import Image from 'next/image';
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { TextInput } from '@/components/admin/form-controls';
import { FormMessages } from '@/components/admin/form-messages.client';
import { uploadImageAction, type UploadState } from './actions';

const accepted = 'image/jpeg,image/png,image/webp,image/avif,image/gif';
const ids = { file: 'upload-file', alt: 'upload-alt', credit: 'upload-credit' };
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Uploading an image. Submitted by hand rather than as a form action, so a refused upload keeps
 * the chosen file as well as the typed text; only a successful one clears the form.
 */
export function UploadForm({ maxBytes, maxLongSide }: { maxBytes: number; maxLongSide: number }) {
  const [state, dispatch, pending] = useActionState<UploadState, FormData>(uploadImageAction, {
    values: { alt: '', credit: '' },
    errors: {},
  });
  const [tooBig, setTooBig] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.uploaded) form.current?.reset();
  }, [state]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    // Checked here too, as the server refuses a request this large before the action can explain.
    if (file instanceof File && file.size > maxBytes) {
      setTooBig(
        `Images must be ${megabytes(maxBytes)} or smaller; this one is ${megabytes(file.size)}.`,
      );
      return;
    }
    setTooBig(null);
    startTransition(() => dispatch(data));
  }

  const errors = tooBig ? { ...state.errors, file: tooBig } : state.errors;
  const { uploaded } = state;
  return (
    <form ref={form} onSubmit={submit} noValidate className="space-y-4">
      <FormMessages
        message={Object.keys(errors).length ? 'The image was not uploaded.' : undefined}
        errors={errors}
        fieldIds={ids}
      />
      {uploaded && !tooBig && (
        <div
          role="status"
          className="flex flex-wrap items-center gap-4 rounded border border-navy bg-white p-3"
        >
          <Image
            src={uploaded.url}
            alt={uploaded.alt}
            width={uploaded.width}
            height={uploaded.height}
            sizes="160px"
            className="h-24 w-auto rounded-sm"
          />
          <p>
            {uploaded.alreadyInLibrary ? 'This image was already in the library' : 'Uploaded'}:{' '}
            <span data-testid="uploaded-size">
              {uploaded.width} × {uploaded.height} pixels
            </span>
            , {Math.ceil(uploaded.bytes / 1024)} KB.
          </p>
        </div>
      )}
      <TextInput
        id={ids.file}
        name="file"
        type="file"
        accept={accepted}
        label="Image file"
        hint={`JPEG, PNG, WebP, AVIF or GIF, up to ${megabytes(maxBytes)}. Larger pictures are scaled down to ${maxLongSide} pixels on the long side, and location and camera details are removed.`}
        required
        error={errors.file}
      />
      <TextInput
        id={ids.alt}
        name="alt"
        label="Description for people who cannot see it (alt text)"
        hint="Required. Say what the image shows, in a sentence."
        required
        maxLength={500}
        defaultValue={state.values.alt}
        error={errors.alt}
      />
      <TextInput
        id={ids.credit}
        name="credit"
        label="Credit (optional)"
        maxLength={200}
        defaultValue={state.values.credit}
        error={errors.credit}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep disabled:opacity-60"
      >
        {pending ? 'Uploading…' : 'Upload image'}
      </button>
    </form>
  );
}
