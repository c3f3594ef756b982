'use server';

import { revalidatePath } from 'next/cache';
import { forbidden, redirect } from 'next/navigation';
import {
  accountStatusSchema,
  changeRole,
  changeRoleSchema,
  LastAdminError,
  OwnAccountError,
  setAccountDisabled,
} from '@/lib/admin/members';
import { checkRole } from '@/lib/auth/viewer';

export interface RoleState {
  message?: string;
  error?: string;
}

// Checked here, at the action, whatever the page showed: a direct call is refused too.
async function requireAdmin() {
  const access = await checkRole(['admin']);
  if (!access.ok) {
    if (access.reason === 'signed-out') redirect('/login?callbackUrl=%2Fadmin%2Fmembers');
    forbidden();
  }
  return access.user;
}

export async function changeRoleAction(_previous: RoleState, form: FormData): Promise<RoleState> {
  const admin = await requireAdmin();
  const parsed = changeRoleSchema.safeParse({ userId: form.get('userId'), role: form.get('role') });
  if (!parsed.success) return { error: 'Choose a member and a role.' };
  try {
    await changeRole(admin.id, parsed.data.userId, parsed.data.role);
  } catch (error) {
    if (error instanceof LastAdminError) return { error: error.message };
    throw error;
  }
  revalidatePath('/admin/members');
  return { message: 'Role changed. The member’s sessions have ended, so it applies at once.' };
}

export async function accountStatusAction(
  _previous: RoleState,
  form: FormData,
): Promise<RoleState> {
  const admin = await requireAdmin();
  const parsed = accountStatusSchema.safeParse({
    userId: form.get('userId'),
    disabled: form.get('disabled'),
  });
  if (!parsed.success) return { error: 'Choose an account.' };
  try {
    await setAccountDisabled(admin.id, parsed.data.userId, parsed.data.disabled);
  } catch (error) {
    if (error instanceof LastAdminError || error instanceof OwnAccountError) {
      return { error: error.message };
    }
    throw error;
  }
  revalidatePath('/admin/members');
  return {
    message: parsed.data.disabled
      ? 'Account disabled. Its sessions have ended and it cannot sign in.'
      : 'Account enabled. It can sign in again.',
  };
}
