'use server';

import type { DeleteState, SaveState } from '@/components/admin/form-state';
import {
  createPressContact,
  deletePressContact,
  updatePressContact,
} from '@/lib/press/press-office';
import { pressContactInputSchema } from '@/lib/press/press-input';
import { formValues } from '@/lib/validation/form';
import { orForbidden, requireStaff } from '../../staff';
import { checkInput, postedId } from '../../term-actions';
import { settlePressDelete, settlePressSave } from '../press-actions';

const basePath = '/admin/press/contacts';
const fields = ['name', 'role', 'email', 'phone', 'hours', 'position'];

export async function savePressContactAction(
  _previous: SaveState,
  form: FormData,
): Promise<SaveState> {
  const id = postedId(form);
  const user = await requireStaff(id ? `${basePath}/${id}` : `${basePath}/new`);
  const values = formValues(form, fields);
  const checked = checkInput(pressContactInputSchema, values);
  if ('invalid' in checked) return checked.invalid;
  const { input } = checked;
  const result = await orForbidden(
    id ? updatePressContact(user, id, input) : createPressContact(user, input),
  );
  return settlePressSave(result, values, basePath, Boolean(id));
}

export async function deletePressContactAction(
  _previous: DeleteState,
  form: FormData,
): Promise<DeleteState> {
  const id = postedId(form);
  const user = await requireStaff(`${basePath}/${id}`);
  return settlePressDelete(await orForbidden(deletePressContact(user, id)), basePath);
}
