'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormAlert } from './form-alert';
import { SubmitButton } from './submit-button';

export type TokenActionState = 'waiting' | 'done' | 'failed';

interface Props {
  token: string;
  action: (previous: TokenActionState, form: FormData) => Promise<TokenActionState>;
  button: string;
  failure: string;
  success: string;
}

/**
 * The page an e-mailed link opens. Opening it changes nothing: the token is spent only by
 * pressing the button (a POST), so a mail scanner that follows links cannot use it up.
 */
export function TokenConfirmForm({ token, action, button, failure, success }: Props) {
  const [state, submit, pending] = useActionState(action, 'waiting');
  if (state === 'done') {
    return (
      <div role="status">
        <p className="text-lg">{success}</p>
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
    <form action={submit} className="space-y-4">
      <FormAlert message={state === 'failed' ? failure : undefined} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} label={button} pendingLabel="One moment…" />
    </form>
  );
}
