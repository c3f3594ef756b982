'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { joinAction, type JoinState } from './actions';

const initial: JoinState = {
  values: { name: '', email: '', consent: '', newsletter: '' },
  errors: {},
};

export function JoinForm({
  returnPath,
  newsletterOffer,
}: {
  returnPath?: string;
  /** The newsletter checkbox's words, when there is a newsletter to offer. */
  newsletterOffer: string | null;
}) {
  const [state, action, pending] = useActionState(joinAction, initial);
  if (state.done) {
    return (
      <div role="status" className="rounded border border-rule bg-white px-6 py-8">
        <h2 className="font-serif text-2xl font-semibold">Check your inbox</h2>
        <p className="mt-3">
          We are sending a message to {state.values.email}. Open the link in it and press the
          button: that verifies your address and signs you in
          {returnPath ? ', then brings you back to the page you came from' : ''}. It can take a few
          minutes to arrive; if it does not, look in your spam folder.
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-5" noValidate>
      {returnPath && <input type="hidden" name="callbackUrl" value={returnPath} />}
      <FormAlert message={state.errors.form} />
      <Field
        name="name"
        label="Name"
        autoComplete="name"
        required
        defaultValue={state.values.name}
        error={state.errors.name}
      />
      <Field
        name="email"
        label="E-mail address"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values.email}
        error={state.errors.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint="At least 12 characters. A few unrelated words make a good one."
        error={state.errors.password}
      />
      <div>
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="consent"
            defaultChecked={state.values.consent === 'on'}
            className="mt-1 h-4 w-4"
            aria-invalid={state.errors.consent ? true : undefined}
            aria-describedby={state.errors.consent ? 'consent-error' : undefined}
          />
          <span>
            I agree to the{' '}
            <Link href="/privacy" className="text-accent underline">
              privacy notice
            </Link>
            .
          </span>
        </label>
        {state.errors.consent && (
          <p id="consent-error" className="mt-1 text-sm font-medium text-accent-dark">
            {state.errors.consent}
          </p>
        )}
      </div>
      {newsletterOffer && (
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="newsletter"
            defaultChecked={state.values.newsletter === 'on'}
            className="mt-1 h-4 w-4"
          />
          <span>{newsletterOffer}</span>
        </label>
      )}
      <SubmitButton pending={pending} label="Join" pendingLabel="Joining…" />
    </form>
  );
}
