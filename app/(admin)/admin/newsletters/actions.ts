'use server';

import type { SaveState } from '@/components/admin/form-state';
import { listInputSchema } from '@/lib/newsletters/list-input';
import { saveNewsletterList } from '@/lib/newsletters/list-admin';
import { formValues } from '@/lib/validation/form';
import { orForbidden, requireStaff } from '../staff';
import { checkInput, postedId, settleSave } from '../term-actions';

const basePath = '/admin/newsletters';
const fields = [
  'name',
  'slug',
  'description',
  'cadence',
  'kind',
  'seriesId',
  'topicId',
  'archived',
  'softOptIn',
  'position',
];

export async function saveNewsletterListAction(
  _previous: SaveState,
  form: FormData,
): Promise<SaveState> {
  const id = postedId(form);
  const user = await requireStaff(id ? `${basePath}/${id}` : `${basePath}/new`);
  const values = formValues(form, fields);
  const checked = checkInput(listInputSchema, values);
  if ('invalid' in checked) return checked.invalid;
  const result = await orForbidden(saveNewsletterList(user, id || null, checked.input));
  return settleSave(result, values, basePath, Boolean(id));
}
