'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { DeleteState, SaveState } from '@/components/admin/form-state';
import {
  addSuppression,
  removeSuppression,
  suppressionInputSchema,
} from '@/lib/newsletters/suppressions';
import { formValues } from '@/lib/validation/form';
import { orForbidden, requireStaff } from '../../staff';
import { checkInput } from '../../term-actions';

const path = '/admin/newsletters/suppressions';

export async function addSuppressionAction(
  _previous: SaveState,
  form: FormData,
): Promise<SaveState> {
  const admin = await requireStaff(path, ['admin']);
  const values = formValues(form, ['email', 'note']);
  const checked = checkInput(suppressionInputSchema, values);
  if ('invalid' in checked) return { ...checked.invalid, message: 'Nothing was added.' };
  const result = await orForbidden(addSuppression(admin, checked.input));
  if (!result.ok) return { values, errors: result.fieldErrors, message: 'Nothing was added.' };
  revalidatePath(path);
  return {
    values: { email: '', note: '' },
    errors: {},
    message: `${result.email} is on the suppression list: no newsletter goes to it.`,
    saved: true,
  };
}

export async function removeSuppressionAction(
  _previous: DeleteState,
  form: FormData,
): Promise<DeleteState> {
  const admin = await requireStaff(path, ['admin']);
  const result = await orForbidden(
    removeSuppression(admin, String(form.get('email') ?? '').slice(0, 320)),
  );
  if (!result.ok) return { error: 'It is no longer on the list: someone took it off meanwhile.' };
  revalidatePath(path);
  redirect(`${path}?removed=1`);
}
