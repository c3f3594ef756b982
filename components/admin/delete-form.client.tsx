'use client';

import { useActionState, useRef, useState } from 'react';
import type { DeleteState } from './form-state';

interface Props {
  action: (previous: DeleteState, form: FormData) => Promise<DeleteState>;
  id: string;
  /** What is deleted, as a button reads: "Delete this expert". */
  label: string;
  /** Which one, for screen readers, where a page has many such buttons. */
  context?: string;
}

/** Deleting, in two steps so a slip of the mouse deletes nothing; a refusal shows its reason. */
export function DeleteForm({ action, id, label, context }: Props) {
  const which = context ? <span className="sr-only"> {context}</span> : null;
  const [state, submit, pending] = useActionState(action, {});
  const [confirming, setConfirming] = useState(false);
  const start = useRef<HTMLButtonElement>(null);
  const danger =
    'rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark disabled:opacity-60';
  return (
    <form action={submit} className="space-y-3">
      <input type="hidden" name="id" value={id} />
      {confirming ? (
        <div className="flex flex-wrap items-center gap-3">
          <p className="font-semibold">This cannot be undone.</p>
          <button type="submit" disabled={pending} className={danger} autoFocus>
            {pending ? 'Deleting…' : `Yes, ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
            {which}
          </button>
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              requestAnimationFrame(() => start.current?.focus());
            }}
            className="rounded border border-navy px-4 py-2 font-semibold text-navy"
          >
            Cancel
          </button>
        </div>
      ) : (
        <button ref={start} type="button" onClick={() => setConfirming(true)} className={danger}>
          {label}…{which}
        </button>
      )}
      {state.error && (
        <p
          role="alert"
          className="rounded border border-accent bg-white px-4 py-3 text-accent-dark"
        >
          {state.error}
        </p>
      )}
    </form>
  );
}
