'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { confirmAction, type ConfirmState } from '../actions';

const waiting: ConfirmState = { state: 'waiting' };

const unavailable = 'We could not confirm just now, so nothing has changed. Please try again.';

/** Opening the e-mailed link changes nothing: the button (a POST) confirms, not a link scanner. */
export function ConfirmForm({ token }: { token: string }) {
  const [state, submit, pending] = useActionState(confirmAction, waiting);
  if (state.state === 'failed') {
    return (
      <div role="alert" className="mt-6">
        <p className="text-lg">
          This link has already been used, or has expired. If you confirmed already, your
          newsletters are on their way; if not, ask for a new link.
        </p>
        <Link
          href="/newsletters"
          className="mt-6 inline-block rounded bg-navy px-4 py-2 font-semibold text-white"
        >
          Sign up again
        </Link>
      </div>
    );
  }
  if (state.state === 'done') {
    return (
      <div role="status" className="mt-6">
        <p className="text-lg">
          {state.lists.length
            ? `Thank you: you are subscribed to ${state.lists.join(', ')}.`
            : 'Thank you. There was nothing left to confirm: you may have confirmed already, or unsubscribed since.'}
        </p>
        <Link
          href={`/newsletters/preferences/${state.preferences}`}
          className="mt-6 inline-block rounded bg-navy px-4 py-2 font-semibold text-white"
        >
          Choose your newsletters
        </Link>
      </div>
    );
  }
  return (
    <form action={submit} className="mt-3 space-y-4">
      <p className="mb-8 text-muted">
        Press the button to start receiving the newsletters you asked for. If you did not ask for
        them, close this page: nothing will be sent.
      </p>
      <FormAlert message={state.state === 'unavailable' ? unavailable : undefined} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} label="Confirm my subscription" pendingLabel="One moment…" />
    </form>
  );
}
