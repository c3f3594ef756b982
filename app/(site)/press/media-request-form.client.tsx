'use client';

import { useActionState, useEffect, useId, useRef } from 'react';
import { Field } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { mediaRequestAction, type MediaRequestState } from './actions';

const initial: MediaRequestState = {
  values: { name: '', outlet: '', email: '', phone: '', deadline: '', request: '', website: '' },
  errors: {},
};

function RequestField({
  defaultValue,
  error,
  maxLength,
}: {
  defaultValue: string;
  error?: string;
  maxLength: number;
}) {
  const id = `field-request${useId().replace(/:/g, '')}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        Your request
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        The story, what you need (an interview, a comment, data, a briefing) and anyone you would
        like to speak to.
      </p>
      <textarea
        id={id}
        name="request"
        rows={7}
        required
        maxLength={maxLength}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')}
        className={`mt-1 block w-full rounded border bg-white px-3 py-2 text-ink ${error ? 'border-accent' : 'border-rule'}`}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-accent-dark">
          {error}
        </p>
      )}
    </div>
  );
}

export function MediaRequestForm({
  answerTime,
  maxLength,
}: {
  answerTime: string;
  maxLength: number;
}) {
  const [state, action, pending] = useActionState(mediaRequestAction, initial);
  const { values, errors } = state;
  const form = useRef<HTMLFormElement>(null);
  const done = useRef<HTMLDivElement>(null);
  // An answer with errors takes the journalist to the first field to put right.
  useEffect(() => {
    if (state.sentTo) done.current?.focus();
    else form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  if (state.sentTo) {
    return (
      <div
        ref={done}
        tabIndex={-1}
        role="status"
        className="rounded border border-navy bg-white px-6 py-6"
      >
        <h3 className="font-serif text-xl font-semibold">Thank you: your request has reached us</h3>
        <p className="mt-3">
          The press office has your request at {state.sentTo}, and will reply to {values.email}.{' '}
          {answerTime}
        </p>
      </div>
    );
  }
  return (
    <form ref={form} action={action} noValidate className="space-y-5">
      <FormAlert message={errors.form} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          name="name"
          label="Your name"
          autoComplete="name"
          required
          maxLength={120}
          defaultValue={values.name}
          error={errors.name}
        />
        <Field
          name="outlet"
          label="Outlet or programme"
          autoComplete="organization"
          required
          maxLength={160}
          defaultValue={values.outlet}
          error={errors.outlet}
        />
        <Field
          name="email"
          label="E-mail address"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={values.email}
          error={errors.email}
        />
        <Field
          name="phone"
          label="Phone (optional)"
          type="tel"
          autoComplete="tel"
          maxLength={30}
          defaultValue={values.phone}
          error={errors.phone}
        />
      </div>
      <Field
        name="deadline"
        label="Deadline (optional)"
        hint="When you need it by, such as “today, 4pm”."
        maxLength={120}
        defaultValue={values.deadline}
        error={errors.deadline}
      />
      <RequestField defaultValue={values.request} error={errors.request} maxLength={maxLength} />
      <div className="hidden" aria-hidden="true">
        <label>
          Leave this empty
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
      <SubmitButton pending={pending} label="Send to the press office" pendingLabel="Sending…" />
    </form>
  );
}
