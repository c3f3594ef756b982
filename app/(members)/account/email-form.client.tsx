'use client';

import { useActionState } from 'react';
import { Field } from '@/components/forms/field';
import { SubmitButton } from '@/components/forms/submit-button';
import { changeEmailAction } from './actions';
import type { EmailRequestState } from '@/lib/auth/email-request';

export function ChangeEmailForm() {
  const [state, action, pending] = useActionState<EmailRequestState, FormData>(changeEmailAction, {
    email: '',
  });
  if (state.sent) {
    return (
      <p role="status">
        We have sent a link to {state.email}; it can take a few minutes to arrive. Your address
        changes when you follow it; until then you keep using the current one.
      </p>
    );
  }
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <Field
        name="email"
        label="New e-mail address"
        type="email"
        autoComplete="email"
        defaultValue={state.email}
        error={state.error}
      />
      <SubmitButton pending={pending} label="Change e-mail address" pendingLabel="Sending…" />
    </form>
  );
}
