import { useActionState, useEffect, useRef, useState } from 'react';
import type { SaveState } from './form-state';
import { useLeaveWarning } from './use-leave-warning';

/**
 * A simple admin form whose fields keep their own values, saved by a form action. A notice of
 * what led to the page (a creation) shows until the next save answers. Leaving asks first from
 * the first change until a save stores it; a change made while a save is under way still counts.
 */
export function useSaveForm(
  action: (previous: SaveState, form: FormData) => Promise<SaveState>,
  values: SaveState['values'],
  notice?: string,
) {
  const [state, formAction, pending] = useActionState(action, {
    values,
    errors: {},
    ...(notice ? { message: notice, saved: true } : {}),
  });
  const [unsaved, setUnsaved] = useState(false);
  const changes = useRef(0);
  const submitted = useRef(0);
  useEffect(() => {
    if (state.saved) setUnsaved(changes.current !== submitted.current);
  }, [state]);
  useLeaveWarning(unsaved);

  return {
    state,
    action: formAction,
    pending,
    /** Spread on the form, to tell its changes and its saves. */
    tracking: {
      onChange: () => {
        changes.current += 1;
        setUnsaved(true);
      },
      onSubmit: () => {
        submitted.current = changes.current;
      },
    },
  };
}
