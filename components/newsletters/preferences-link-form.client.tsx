'use client';

import { useActionState, useEffect, useId, useRef } from 'react';
import { preferencesLinkAction, type PreferencesLinkState } from '@/app/(site)/newsletters/actions';
import { FormAlert } from '@/components/forms/form-alert';

const initial: PreferencesLinkState = { email: '', errors: {} };

/**
 * A subscriber who has lost their preferences link asks for it by address. The answer is the
 * same for every address, so it tells nobody who is subscribed.
 */
export function PreferencesLinkForm() {
  const [state, action, pending] = useActionState(preferencesLinkAction, initial);
  const id = useId().replace(/:/g, '');
  const done = useRef<HTMLParagraphElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.sentTo) done.current?.focus();
    else form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  if (state.sentTo) {
    return (
      <p ref={done} tabIndex={-1} role="status">
        <strong>Check your inbox.</strong> If {state.sentTo} receives our newsletters, we have sent
        it the link to your preferences. It can take a few minutes to arrive.
      </p>
    );
  }
  const { errors } = state;
  return (
    <form ref={form} action={action} noValidate className="space-y-3">
      <FormAlert message={errors.form} />
      <div>
        <label htmlFor={`${id}-email`} className="block text-sm font-semibold">
          E-mail address
        </label>
        <div className="mt-1 flex flex-wrap gap-2">
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            defaultValue={state.email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? `${id}-email-error` : undefined}
            className={`min-w-0 flex-1 basis-56 rounded border bg-white px-3 py-2 text-ink ${errors.email ? 'border-accent' : 'border-rule'}`}
          />
          <button
            type="submit"
            disabled={pending}
            className="rounded border border-navy bg-white px-4 py-2 font-semibold text-navy hover:bg-paper disabled:opacity-60"
          >
            {pending ? 'Sending…' : 'E-mail me my link'}
          </button>
        </div>
        {errors.email && (
          <p id={`${id}-email-error`} className="mt-1 text-sm font-medium text-accent-dark">
            {errors.email}
          </p>
        )}
      </div>
      <div className="hidden" aria-hidden="true">
        <label>
          Leave this empty
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
    </form>
  );
}
