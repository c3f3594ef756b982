'use server';

import { revalidatePath } from 'next/cache';
import { forbidden, redirect } from 'next/navigation';
import { changeRole, changeRoleSchema, LastAdminError } from '@/lib/admin/members';
import { checkRole } from '@/lib/auth/viewer';

export interface RoleState {
  message?: string;
  error?: string;
}

export async function changeRoleAction(_previous: RoleState, form: FormData): Promise<RoleState> {
  // Checked here, at the action, whatever the page showed: a direct call is refused too.
  const access = await checkRole(['admin']);
  if (!access.ok) {
    if (access.reason === 'signed-out') redirect('/login?callbackUrl=%2Fadmin%2Fmembers');
    forbidden();
  }
  const parsed = changeRoleSchema.safeParse({ userId: form.get('userId'), role: form.get('role') });
  if (!parsed.success) return { error: 'Choose a member and a role.' };
  try {
    await changeRole(access.user.id, parsed.data.userId, parsed.data.role);
  } catch (error) {
    if (error instanceof LastAdminError) return { error: error.message };
    throw error;
  }
  revalidatePath('/admin/members');
  return { message: 'Role changed. The member’s sessions have ended, so it applies at once.' };
}
