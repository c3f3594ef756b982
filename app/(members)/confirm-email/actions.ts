'use server';

import type { TokenActionState } from '@/components/forms/token-confirm-form.client';
import { confirmEmailChange } from '@/lib/auth/change-email';

export async function confirmEmailAction(
  _previous: TokenActionState,
  form: FormData,
): Promise<TokenActionState> {
  return (await confirmEmailChange(String(form.get('token') ?? ''))) ? 'done' : 'failed';
}
