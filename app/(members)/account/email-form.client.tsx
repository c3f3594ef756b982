'use client';

import { useActionState } from 'react';
import { Field } from '@/components/forms/field';
import { SubmitButton } from '@/components/forms/submit-button';
import { changeEmailAction, type EmailChangeState } from './actions';

/**
 * `askPassword`: the person signed in more than a few minutes ago, so the change needs the
 * password; `canUsePassword`: the account has one (else they sign in again by link).
 */
export function ChangeEmailForm({
  askPassword,
  canUsePassword,
}: {
  askPassword: boolean;
  canUsePassword: boolean;
}) {
  const [state, action, pending] = useActionState<EmailChangeState, FormData>(changeEmailAction, {
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
  if (askPassword && !canUsePassword) {
    return (
      <p>
        To change your address, log out and sign in again with an e-mailed link: for your safety the
        change must follow a recent sign-in.
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
      {askPassword && (
        <Field
          name="current"
          label="Your password"
          type="password"
          autoComplete="current-password"
          hint="To keep your account yours, a change of address needs your password."
          error={state.passwordError}
        />
      )}
      <SubmitButton pending={pending} label="Change e-mail address" pendingLabel="Sending…" />
    </form>
  );
}
