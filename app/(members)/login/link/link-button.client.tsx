'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { linkSignInAction } from '../link-actions';

export type LinkKind = 'sign-in-link' | 'verification' | 'undo-email-change';

// Opening an e-mailed link only shows this button; signing in takes the press (a POST), so a
// mail scanner that follows links cannot spend it.
export function LinkButton({
  kind,
  token,
  label,
}: {
  kind: LinkKind;
  token: string;
  label: string;
}) {
  const [error, action, pending] = useActionState(linkSignInAction, null);
  return (
    <form action={action} className="space-y-4">
      <FormAlert message={error ?? undefined} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} label={label} pendingLabel="One moment…" />
    </form>
  );
}
