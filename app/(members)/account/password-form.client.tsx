'use client';

import { useActionState } from 'react';
import { Field } from '@/components/forms/field';
import { SubmitButton } from '@/components/forms/submit-button';
import { changePasswordAction, type PasswordState } from './actions';

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<PasswordState, FormData>(changePasswordAction, {
    errors: {},
  });
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <Field
        name="current"
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={state.errors.current}
      />
      <Field
        name="next"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. Changing it signs you out on every other device."
        error={state.errors.next}
      />
      <SubmitButton pending={pending} label="Change password" pendingLabel="Saving…" />
    </form>
  );
}
