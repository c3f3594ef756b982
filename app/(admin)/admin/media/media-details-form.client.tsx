'use client';

import { useActionState } from 'react';
import { TextArea, TextInput } from '@/components/admin/form-controls';
import { updateMediaAction } from './actions';

/** An image's alt text and credit, saved where they are shown. */
export function MediaDetailsForm({ id, alt, credit }: { id: string; alt: string; credit: string }) {
  const [state, action, pending] = useActionState(updateMediaAction, {
    values: { id, alt, credit },
    errors: {},
  });
  const { values, errors } = state;
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <TextArea
        id={`media-${id}-alt`}
        name="alt"
        label="Alt text"
        rows={2}
        maxLength={500}
        defaultValue={values.alt}
        error={errors.alt}
      />
      <TextInput
        id={`media-${id}-credit`}
        name="credit"
        label="Credit"
        maxLength={200}
        defaultValue={values.credit}
        error={errors.credit}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded border border-navy px-3 py-1 text-sm font-semibold text-navy disabled:opacity-60"
        >
          {pending ? 'Saving…' : 'Save details'}
          <span className="sr-only"> of “{alt}”</span>
        </button>
        {state.saved && (
          <p role="status" className="text-sm">
            {state.message}
          </p>
        )}
        {errors.form && (
          <p role="alert" className="text-sm font-medium text-accent-dark">
            {errors.form}
          </p>
        )}
      </div>
    </form>
  );
}
