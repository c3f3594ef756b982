'use server';

import type { TokenActionState } from '@/components/forms/token-confirm-form.client';
import { confirmEmailChange } from '@/lib/auth/change-email';
import { sendAfterResponse } from '@/lib/email/send-after-response';

export async function confirmEmailAction(
  _previous: TokenActionState,
  form: FormData,
): Promise<TokenActionState> {
  const confirmed = await confirmEmailChange(String(form.get('token') ?? ''));
  if (!confirmed.ok) return 'failed';
  sendAfterResponse(confirmed.emails);
  return 'done';
}
