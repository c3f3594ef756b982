'use client';

import { useActionState } from 'react';
import { loginAction, type LoginState } from './actions';

const field = 'mt-1 block w-full rounded border border-rule bg-white px-3 py-2 text-ink';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, { email: '' });
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.error && (
        <p
          role="alert"
          className="rounded border border-accent bg-white px-4 py-3 text-accent-dark"
        >
          {state.error}
        </p>
      )}
      <label className="block text-sm font-semibold">
        E-mail address
        <input
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          className={field}
        />
      </label>
      <label className="block text-sm font-semibold">
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={field}
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep disabled:opacity-60"
      >
        {pending ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}
