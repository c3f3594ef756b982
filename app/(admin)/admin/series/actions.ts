'use server';

import type { DeleteState, SaveState } from '@/components/admin/form-state';
import { createSeries, deleteSeries, updateSeries } from '@/lib/editorial/taxonomy';
import { seriesInputSchema } from '@/lib/editorial/taxonomy-input';
import { formValues } from '@/lib/validation/form';
import { orForbidden, requireStaff } from '../staff';
import { checkInput, postedId, settleDelete, settleSave } from '../term-actions';

const fields = ['name', 'slug', 'description', 'columnistId'];

export async function saveSeriesAction(_previous: SaveState, form: FormData): Promise<SaveState> {
  const id = postedId(form);
  const user = await requireStaff(id ? `/admin/series/${id}` : '/admin/series/new');
  const values = formValues(form, fields);
  const checked = checkInput(seriesInputSchema, values);
  if ('invalid' in checked) return checked.invalid;
  const { input } = checked;
  const result = await orForbidden(id ? updateSeries(user, id, input) : createSeries(user, input));
  return settleSave(result, values, '/admin/series', Boolean(id));
}

export async function deleteSeriesAction(
  _previous: DeleteState,
  form: FormData,
): Promise<DeleteState> {
  const id = postedId(form);
  const user = await requireStaff(`/admin/series/${id}`);
  return settleDelete(await orForbidden(deleteSeries(user, id)), '/admin/series');
}
