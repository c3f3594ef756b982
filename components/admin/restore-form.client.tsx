'use client';

import { useActionState, useId, useRef, useState } from 'react';
import type { RestoreState } from './form-state';

interface Props {
  action: (previous: RestoreState, form: FormData) => Promise<RestoreState>;
  /** The article or page whose revision this is. */
  ownerId: string;
  revisionId: string;
  revisionVersion: number;
  currentVersion: number;
}

/**
 * Restoring an earlier version, in two steps like deleting: it replaces what the form above
 * holds, so a slip of the mouse must not throw away an editor's unsaved work.
 */
export function RestoreForm({
  action,
  ownerId,
  revisionId,
  revisionVersion,
  currentVersion,
}: Props) {
  const [state, submit, pending] = useActionState(action, {});
  const [confirming, setConfirming] = useState(false);
  const start = useRef<HTMLButtonElement>(null);
  const warning = useId();
  const button =
    'rounded border border-navy px-3 py-1 text-sm font-semibold text-navy disabled:opacity-60';
  return (
    <form action={submit}>
      <input type="hidden" name="id" value={ownerId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="revisionVersion" value={revisionVersion} />
      <input type="hidden" name="expectedVersion" value={currentVersion} />
      {confirming ? (
        <div className="space-y-2">
          <p id={warning} className="text-sm">
            This saves version {revisionVersion} as a new version. Changes not yet saved in the form
            above are lost.
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              disabled={pending}
              autoFocus
              aria-describedby={warning}
              className="rounded bg-navy px-3 py-1 text-sm font-semibold text-white disabled:opacity-60"
            >
              {pending ? 'Restoring…' : `Yes, restore version ${revisionVersion}`}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => start.current?.focus());
              }}
              className={button}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button ref={start} type="button" onClick={() => setConfirming(true)} className={button}>
          Restore this version…<span className="sr-only"> (version {revisionVersion})</span>
        </button>
      )}
      {state.error && (
        <p role="alert" className="mt-1 text-sm font-medium text-accent-dark">
          {state.error}
        </p>
      )}
    </form>
  );
}
