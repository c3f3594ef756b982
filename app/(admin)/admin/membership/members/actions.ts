'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { SaveState } from '@/components/admin/form-state';
import { endGrant, grantMembership } from '@/lib/membership/grants';
import { formValues } from '@/lib/validation/form';
import { orForbidden, requireStaff } from '../../staff';

const path = '/admin/membership/members';
const grantFields = ['email', 'tierId', 'period', 'note'] as const;

export async function grantAction(_previous: SaveState, form: FormData): Promise<SaveState> {
  const admin = await requireStaff(path, ['admin']);
  const values = formValues(form, [...grantFields]);
  const result = await orForbidden(grantMembership(admin, values));
  if (!result.ok) return { values, errors: result.fieldErrors };
  revalidatePath(path);
  return {
    values: { email: '', tierId: values.tierId ?? '', period: values.period ?? '', note: '' },
    errors: {},
    saved: true,
    message: `Membership given to ${values.email}.`,
  };
}

export async function endGrantAction(form: FormData): Promise<void> {
  const admin = await requireStaff(path, ['admin']);
  const id = String(form.get('membershipId') ?? '');
  await orForbidden(endGrant(admin, id));
  revalidatePath(path);
  redirect(`${path}?ended=1`);
}
