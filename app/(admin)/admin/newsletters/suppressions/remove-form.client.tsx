'use client';

import { useActionState, useRef, useState } from 'react';
import type { DeleteState } from '@/components/admin/form-state';
import type { SuppressionRow } from '@/lib/newsletters/suppressions';
import { removeSuppressionAction } from './actions';

// What taking an address off means, by why it is on the list.
const consequences: Record<SuppressionRow['reason'], string> = {
  bounced:
    'Its mail server refused our e-mail for good. Take it off only if its owner tells you the address works again: if it is refused again, it goes back on the list.',
  complained:
    'Its owner reported our e-mail as spam. Take it off only if they ask to hear from us again.',
  admin: 'The newsletters it is subscribed to will reach it again.',
};

/** Taking an address off the list, in two steps, the second saying what follows. */
export function RemoveSuppressionForm({
  email,
  reason,
}: {
  email: string;
  reason: SuppressionRow['reason'];
}) {
  const [state, submit, pending] = useActionState(removeSuppressionAction, {} as DeleteState);
  const [confirming, setConfirming] = useState(false);
  const start = useRef<HTMLButtonElement>(null);
  const which = <span className="sr-only"> {email}</span>;
  return (
    <form action={submit} className="space-y-2">
      <input type="hidden" name="email" value={email} />
      {confirming ? (
        <div className="space-y-2">
          <p className="max-w-xs">{consequences[reason]}</p>
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              disabled={pending}
              autoFocus
              className="rounded bg-accent px-3 py-1 font-semibold text-white hover:bg-accent-dark disabled:opacity-60"
            >
              {pending ? 'Removing…' : 'Yes, remove'}
              {which}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => start.current?.focus());
              }}
              className="rounded border border-navy px-3 py-1 font-semibold text-navy"
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={start}
          type="button"
          onClick={() => setConfirming(true)}
          className="rounded border border-accent px-3 py-1 font-semibold text-accent-dark hover:bg-paper"
        >
          Remove…{which}
        </button>
      )}
      {state.error && (
        <p role="alert" className="text-accent-dark">
          {state.error}
        </p>
      )}
    </form>
  );
}
