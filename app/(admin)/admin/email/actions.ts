'use server';

import { revalidatePath } from 'next/cache';
import { retryEmail, retryEmailSchema } from '@/lib/email/outbox-admin';
import { requireStaff } from '../staff';

export interface RetryState {
  message?: string;
  error?: string;
}

const answers = {
  sent: 'Sent.',
  queued: 'The mail server refused it again; it stays queued and is retried shortly.',
  unavailable: 'This e-mail can no longer be sent again: it was sent, or its link has expired.',
} as const;

export async function retryEmailAction(_previous: RetryState, form: FormData): Promise<RetryState> {
  // Checked here, whatever the page showed, and again in lib against the database.
  const admin = await requireStaff('/admin/email', ['admin']);
  const parsed = retryEmailSchema.safeParse({ id: form.get('id') });
  if (!parsed.success) return { error: 'Choose an e-mail.' };
  const outcome = await retryEmail(admin, parsed.data.id);
  revalidatePath('/admin/email');
  return outcome === 'sent' ? { message: answers.sent } : { error: answers[outcome] };
}
