'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { resetPasswordAction, type ResetState } from './actions';

export function ResetForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ResetState, FormData>(resetPasswordAction, {});
  if (state.done) {
    return (
      <div role="status">
        <p>Your password is changed, and every other session of your account has ended.</p>
        <Link
          href="/login"
          className="mt-6 inline-block rounded bg-navy px-4 py-2 font-semibold text-white"
        >
          Log in
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert message={state.error} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters."
        error={state.passwordError}
      />
      <SubmitButton pending={pending} label="Set the new password" pendingLabel="Saving…" />
    </form>
  );
}
