'use client';

import { useActionState } from 'react';
import { Field } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { codeSignInAction, requestLinkAction, type LinkState } from './link-actions';

export function LinkForm({ callbackUrl }: { callbackUrl: string }) {
  const [requested, request, requesting] = useActionState<LinkState, FormData>(requestLinkAction, {
    email: '',
  });
  const [coded, enterCode, checking] = useActionState<LinkState, FormData>(
    codeSignInAction,
    requested,
  );
  if (requested.sent) {
    return (
      <form action={enterCode} className="space-y-4" noValidate>
        <p role="status">
          If an account uses {requested.email}, we have sent it a sign-in link and a six-digit code
          (it can take a few minutes to arrive). Open the link, or type the code here.
        </p>
        <FormAlert message={coded.error} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <input type="hidden" name="email" value={requested.email} />
        <Field
          name="code"
          label="Code from the e-mail"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
        />
        <SubmitButton pending={checking} label="Sign in with the code" pendingLabel="Checking…" />
      </form>
    );
  }
  return (
    <form action={request} className="space-y-4" noValidate>
      <FormAlert message={requested.error} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        name="email"
        label="E-mail address for a sign-in link"
        type="email"
        autoComplete="email"
        required
        defaultValue={requested.email}
      />
      <SubmitButton pending={requesting} label="E-mail me a sign-in link" pendingLabel="Sending…" />
    </form>
  );
}
