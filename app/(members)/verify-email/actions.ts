'use server';

import type { TokenActionState } from '@/components/forms/token-confirm-form.client';
import { verifyEmail } from '@/lib/auth/join';

export async function verifyEmailAction(
  _previous: TokenActionState,
  form: FormData,
): Promise<TokenActionState> {
  return (await verifyEmail(String(form.get('token') ?? ''))) ? 'done' : 'failed';
}
