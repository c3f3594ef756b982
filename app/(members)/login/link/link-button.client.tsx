'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { linkSignInAction } from '../link-actions';

// Opening the link only shows this button; signing in takes the press (a POST), so a mail
// scanner that follows links cannot spend it.
export function LinkButton({ token }: { token: string }) {
  const [error, action, pending] = useActionState(linkSignInAction, null);
  return (
    <form action={action} className="space-y-4">
      <FormAlert message={error ?? undefined} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} label="Sign in" pendingLabel="Signing in…" />
    </form>
  );
}
