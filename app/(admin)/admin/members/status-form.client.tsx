'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { accountStatusAction, type RoleState } from './actions';

export function AccountStatusForm({
  userId,
  email,
  disabled,
}: {
  userId: string;
  email: string;
  disabled: boolean;
}) {
  const [state, action, pending] = useActionState<RoleState, FormData>(accountStatusAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
      <span>{disabled ? 'Disabled' : 'Active'}</span>
      <button
        type="submit"
        disabled={pending}
        aria-label={`${disabled ? 'Enable' : 'Disable'} ${email}`}
        className="rounded border border-navy px-3 py-1 text-sm font-semibold text-navy"
      >
        {disabled ? 'Enable' : 'Disable'}
      </button>
      <FormAlert message={state.error} />
      {state.message && (
        <p role="status" className="text-sm">
          {state.message}
        </p>
      )}
    </form>
  );
}
