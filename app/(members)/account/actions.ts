'use server';

import { redirect } from 'next/navigation';
import { deleteAccount } from '@/lib/auth/account-data';
import { signOut } from '@/lib/auth/auth';
import { getViewer } from '@/lib/auth/viewer';

export async function signOutAction() {
  await signOut({ redirectTo: '/' });
}

export interface DeleteState {
  error?: string;
}

export async function deleteAccountAction(
  _previous: DeleteState,
  form: FormData,
): Promise<DeleteState> {
  const viewer = await getViewer();
  if (!viewer) redirect('/login?callbackUrl=%2Faccount');
  if (
    String(form.get('confirmEmail') ?? '')
      .trim()
      .toLowerCase() !== viewer.email
  ) {
    return { error: 'Type your e-mail address exactly as shown to confirm.' };
  }
  await deleteAccount(viewer.id);
  await signOut({ redirectTo: '/account-deleted' });
  return {};
}
