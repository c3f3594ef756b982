'use server';

import { verifyEmail } from '@/lib/auth/join';

export type VerifyState = 'waiting' | 'verified' | 'failed';

export async function verifyEmailAction(
  _previous: VerifyState,
  form: FormData,
): Promise<VerifyState> {
  return (await verifyEmail(String(form.get('token') ?? ''))) ? 'verified' : 'failed';
}
