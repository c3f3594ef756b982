'use client';

import { useActionState } from 'react';
import { Field } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { forgotPasswordAction } from './actions';
import type { EmailRequestState } from '@/lib/auth/email-request';

export function ForgotForm() {
  const [state, action, pending] = useActionState<EmailRequestState, FormData>(
    forgotPasswordAction,
    {
      email: '',
    },
  );
  if (state.sent) {
    return (
      <p role="status" className="rounded border border-rule bg-white px-5 py-4">
        If an account uses {state.email}, we have sent it a link to choose a new password. It can
        take a few minutes to arrive.
      </p>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert message={state.error} />
      <Field
        name="email"
        label="E-mail address"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.email}
      />
      <SubmitButton pending={pending} label="E-mail me a reset link" pendingLabel="Sending…" />
    </form>
  );
}
