'use client';

import { useActionState } from 'react';
import { restorePageRevisionAction, type RestoreState } from '../actions';

interface Props {
  pageId: string;
  revisionId: string;
  revisionVersion: number;
  currentVersion: number;
}

export function RestoreForm({ pageId, revisionId, revisionVersion, currentVersion }: Props) {
  const [state, action, pending] = useActionState<RestoreState, FormData>(
    restorePageRevisionAction,
    {},
  );
  return (
    <form action={action}>
      <input type="hidden" name="pageId" value={pageId} />
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
