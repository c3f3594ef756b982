'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { retryEmailAction, type RetryState } from './actions';

export function RetryEmailForm({ id, subject }: { id: string; subject: string }) {
  const [state, action, pending] = useActionState<RetryState, FormData>(retryEmailAction, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Retry now: ${subject}`}
        className="rounded border border-navy px-3 py-1 text-sm font-semibold whitespace-nowrap text-navy"
      >
        Retry now
      </button>
      <FormAlert message={state.error} />
      {state.message && (
        <p role="status" className="text-sm">
          {state.message}
        </p>
      )}
    </form>
  );
}
