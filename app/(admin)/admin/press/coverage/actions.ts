'use server';

import type { DeleteState, SaveState } from '@/components/admin/form-state';
import { createCoverage, deleteCoverage, updateCoverage } from '@/lib/press/press-office';
import { coverageInputSchema } from '@/lib/press/press-input';
import { formValues } from '@/lib/validation/form';
import { orForbidden, requireStaff } from '../../staff';
import { checkInput, postedId } from '../../term-actions';
import { settlePressDelete, settlePressSave } from '../press-actions';

const basePath = '/admin/press/coverage';
const fields = ['title', 'outlet', 'publishedOn', 'url', 'authorId'];

export async function saveCoverageAction(_previous: SaveState, form: FormData): Promise<SaveState> {
  const id = postedId(form);
  const user = await requireStaff(id ? `${basePath}/${id}` : `${basePath}/new`);
  const values = formValues(form, fields);
  const checked = checkInput(coverageInputSchema, values);
  if ('invalid' in checked) return checked.invalid;
  const { input } = checked;
  const result = await orForbidden(
    id ? updateCoverage(user, id, input) : createCoverage(user, input),
  );
  return settlePressSave(result, values, basePath, Boolean(id));
}

export async function deleteCoverageAction(
  _previous: DeleteState,
  form: FormData,
): Promise<DeleteState> {
  const id = postedId(form);
  const user = await requireStaff(`${basePath}/${id}`);
  return settlePressDelete(await orForbidden(deleteCoverage(user, id)), basePath);
}
