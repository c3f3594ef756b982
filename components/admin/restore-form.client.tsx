'use client';

import { useActionState } from 'react';
import type { RestoreState } from './form-state';

interface Props {
  action: (previous: RestoreState, form: FormData) => Promise<RestoreState>;
  /** The article or page whose revision this is. */
  ownerId: string;
  revisionId: string;
  revisionVersion: number;
  currentVersion: number;
}

export function RestoreForm({
  action,
  ownerId,
  revisionId,
  revisionVersion,
  currentVersion,
}: Props) {
  const [state, submit, pending] = useActionState(action, {});
  return (
    <form action={submit}>
      <input type="hidden" name="id" value={ownerId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="revisionVersion" value={revisionVersion} />
      <input type="hidden" name="expectedVersion" value={currentVersion} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-navy px-3 py-1 text-sm font-semibold text-navy disabled:opacity-60"
      >
        {pending ? 'Restoring…' : 'Restore this version'}
        <span className="sr-only"> (version {revisionVersion})</span>
      </button>
      {state.error && (
        <p role="alert" className="mt-1 text-sm font-medium text-accent-dark">
          {state.error}
        </p>
      )}
    </form>
  );
}
