'use client';

import { useActionState } from 'react';
import { Field } from '@/components/forms/field';
import { deleteAccountAction, type DeleteState } from './actions';

export function DeleteAccountForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState<DeleteState, FormData>(deleteAccountAction, {});
  return (
    <form action={action} className="space-y-4">
      <p>
        This deletes your account and signs you out everywhere, and stops any monthly gift or paid
        membership you pay for through it: a paid membership ends at once, and the rest of a period
        already paid for is not refunded. Records of gifts that the law requires us to keep for Gift
        Aid stay, without your account attached. To confirm, type <strong>{email}</strong>.
      </p>
      <Field
        name="confirmEmail"
        label="Your e-mail address"
        type="email"
        autoComplete="off"
        error={state.error}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark disabled:opacity-60"
      >
        Delete my account
      </button>
    </form>
  );
}
