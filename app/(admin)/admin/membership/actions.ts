'use server';

import type { DeleteState, SaveState } from '@/components/admin/form-state';
import { tierFieldNames } from '@/lib/membership/tier-input';
import { deleteTier, saveTier } from '@/lib/membership/tiers';
import { formValues } from '@/lib/validation/form';
import { orForbidden, requireStaff } from '../staff';
import { postedId, settleDelete, settleSave } from '../term-actions';

const basePath = '/admin/membership';

export async function saveTierAction(_previous: SaveState, form: FormData): Promise<SaveState> {
  const id = postedId(form);
  const admin = await requireStaff(id ? `${basePath}/${id}` : `${basePath}/new`, ['admin']);
  const values = formValues(form, [...tierFieldNames]);
  const result = await orForbidden(saveTier(admin, id || null, values));
  return settleSave(result, values, basePath, Boolean(id));
}

export async function deleteTierAction(
  _previous: DeleteState,
  form: FormData,
): Promise<DeleteState> {
  const id = postedId(form);
  const admin = await requireStaff(`${basePath}/${id}`, ['admin']);
  return settleDelete(await orForbidden(deleteTier(admin, id)), basePath);
}
