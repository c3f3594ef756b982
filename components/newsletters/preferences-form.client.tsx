'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import type { PreferencesState } from '@/lib/newsletters/preferences-form';

import type { ListChoice } from '@/lib/newsletters/subscriptions';

/**
 * A subscriber's choice of lists: from the signed link in every e-mail (`preferencesKey`), or
 * in a member's account.
 */
export function PreferencesForm({
  action: save,
  preferencesKey,
  lists,
  leaving,
  legend = 'Choose your newsletters',
}: {
  action: (previous: PreferencesState, form: FormData) => Promise<PreferencesState>;
  preferencesKey?: string;
  lists: ListChoice[];
  /** A list the reader came to leave (an unsubscribe link opened as a page): shown unticked. */
  leaving?: string;
  legend?: string;
}) {
  const [state, action, pending] = useActionState(save, {});
  return (
    <form action={action} className="mt-6 space-y-6">
      <FormAlert message={state.error} />
      {state.saved && (
        <p role="status" className="rounded border border-navy bg-white px-4 py-3">
          {state.saved}
        </p>
      )}
      {preferencesKey && <input type="hidden" name="key" value={preferencesKey} />}
      {/* Made again after each save, so the ticks show what was saved. */}
      <fieldset key={state.chosen?.join() ?? 'initial'}>
        <legend className="text-lg font-semibold">{legend}</legend>
        <ul className="mt-3 divide-y divide-rule border-y border-rule">
          {lists.map((list) => (
            <li key={list.id} className="py-4">
              <label className="flex items-start gap-3">
                <input
                  type="checkbox"
                  name="list"
                  value={list.id}
                  defaultChecked={
                    state.chosen
                      ? state.chosen.includes(list.id)
                      : list.status === 'subscribed' && list.id !== leaving
                  }
                  className="mt-1.5 h-4 w-4 shrink-0 accent-navy"
                />
                <span>
                  <span className="font-semibold">{list.name}</span>
                  {list.cadence && <span className="text-muted"> · {list.cadence}</span>}
                  {list.status === 'pending' && !state.chosen && (
                    <span className="block text-sm text-muted">
                      Waiting for you to confirm from our e-mail; tick and save to start now.
                    </span>
                  )}
                  {list.description && (
                    <span className="mt-1 block text-sm">{list.description}</span>
                  )}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="intent"
          value="save"
          disabled={pending}
          className="rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep disabled:opacity-60"
        >
          {pending ? 'Saving…' : 'Save my choice'}
        </button>
        <button
          type="submit"
          name="intent"
          value="all"
          disabled={pending}
          className="rounded border border-navy px-4 py-2 font-semibold text-navy hover:bg-white disabled:opacity-60"
        >
          Unsubscribe from everything
        </button>
      </div>
    </form>
  );
}
