'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { redeemGiftAction, type RedeemState } from './actions';

export function RedeemForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(redeemGiftAction, {
    error: null,
  } satisfies RedeemState);
  return (
    <form action={action} className="mt-6 max-w-xs space-y-4">
      <FormAlert message={state.error ?? undefined} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} label="Start my membership" pendingLabel="Starting…" />
    </form>
  );
}
