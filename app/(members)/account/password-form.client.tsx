'use client';

import { useActionState } from 'react';
import { Field } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { changePasswordAction, type PasswordState } from './actions';

/**
 * An account without a password (signed in by e-mailed links, or taken back after a change of
 * address) may set one within minutes of signing in; otherwise the current one is asked for.
 */
export function ChangePasswordForm({
  hasPassword,
  signedInRecently,
}: {
  hasPassword: boolean;
  signedInRecently: boolean;
}) {
  const [state, action, pending] = useActionState<PasswordState, FormData>(changePasswordAction, {
    errors: {},
  });
  if (!hasPassword && !signedInRecently) {
    return (
      <p>
        Your account has no password: you sign in with e-mailed links. To set one, log out and sign
        in again with a link, then come back here within a few minutes.
      </p>
    );
  }
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <FormAlert message={state.errors.form} />
      {hasPassword && (
        <Field
          name="current"
          label="Current password"
          type="password"
          autoComplete="current-password"
          error={state.errors.current}
        />
      )}
      <Field
        name="next"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. Changing it signs you out on every other device."
        error={state.errors.next}
      />
      <SubmitButton
        pending={pending}
        label={hasPassword ? 'Change password' : 'Set password'}
        pendingLabel="Saving…"
      />
    </form>
  );
}
