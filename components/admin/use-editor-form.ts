import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import type { EditorFormState } from './form-state';
import { useLeaveWarning } from './use-leave-warning';

const done = new Set(['saved', 'published', 'scheduled', 'unpublished']);
// Unpublishing changes only the status: what the form holds is still not saved.
const stored = new Set(['saved', 'published', 'scheduled']);

interface Options {
  /** The version the form was rendered from; set when editing. */
  version?: number;
  /** What the page says of the action that led to it (created, restored), until the next one. */
  notice?: string;
}

/**
 * What an editor's form (an article's, a page's) keeps. The values live in state, so they stay
 * exactly as typed through failed saves and conflicts; the form is submitted by hand (not as a
 * form action) so React never resets it. Leaving asks first while the values differ from what the
 * last successful save stored.
 */
export function useEditorForm<Values, Done extends string>(
  action: (
    previous: EditorFormState<Values, Done>,
    form: FormData,
  ) => Promise<EditorFormState<Values, Done>>,
  initialValues: Values,
  { version, notice }: Options,
) {
  type State = EditorFormState<Values, Done>;
  const [values, setValues] = useState(initialValues);
  const [state, dispatch, pending] = useActionState<State, FormData>(action, {
    errors: {},
    version,
    message: notice,
  });
  // Set when the editor, shown a conflict, chooses to continue from the other editor's version.
  const [continued, setContinued] = useState<{ from: State; version: number } | null>(null);

  const [savedValues, setSavedValues] = useState(initialValues);
  const submitted = useRef(initialValues);
  useEffect(() => {
    if (stored.has(state.outcome ?? '')) setSavedValues(submitted.current);
  }, [state]);
  useLeaveWarning(JSON.stringify(values) !== JSON.stringify(savedValues));

  const resumed = continued?.from === state ? continued.version : undefined;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    submitted.current = values;
    startTransition(() => dispatch(data));
  }

  return {
    values,
    setValues,
    state,
    pending,
    submit,
    /** The version the next save builds on. */
    expectedVersion: resumed ?? state.version,
    /** The version the editor chose to continue from after a conflict, until the next save. */
    resumed,
    continueFrom: (from: number) => setContinued({ from: state, version: from }),
    // Only the page's own notice comes without an outcome: it reports what was done too.
    success: state.outcome === undefined || done.has(state.outcome),
  };
}
