'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { changeRoleAction, type RoleState } from './actions';

const roles = [
  ['member', 'Member'],
  ['editor', 'Editor'],
  ['admin', 'Administrator'],
] as const;

export function RoleForm({ userId, email, role }: { userId: string; email: string; role: string }) {
  const [state, action, pending] = useActionState<RoleState, FormData>(changeRoleAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role of {email}
      </label>
      <select
        id={`role-${userId}`}
        name="role"
        defaultValue={role}
        className="rounded border border-rule bg-white px-2 py-1"
      >
        {roles.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-navy px-3 py-1 text-sm font-semibold text-navy"
      >
        Save
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
