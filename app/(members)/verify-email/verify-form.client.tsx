'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { verifyEmailAction, type VerifyState } from './actions';

// The link only opens this page; verifying takes a press of the button (a POST), so a mail
// scanner that follows links cannot spend it.
export function VerifyForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<VerifyState, FormData>(
    verifyEmailAction,
    'waiting',
  );
  if (state === 'verified') {
    return (
      <div role="status">
        <p className="text-lg">Your e-mail address is verified. Welcome.</p>
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
    <form action={action}>
      {state === 'failed' && (
        <p
          role="alert"
          className="mb-4 rounded border border-accent bg-white px-4 py-3 text-accent-dark"
        >
          This link has been used or has expired. Log in and ask for a new one.
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-navy px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        Verify my e-mail address
      </button>
    </form>
  );
}
