'use server';

import type { DeleteState, SaveState } from '@/components/admin/form-state';
import { createExpert, deleteExpert, updateExpert } from '@/lib/editorial/taxonomy';
import { expertInputSchema } from '@/lib/editorial/taxonomy-input';
import { formValues } from '@/lib/validation/form';
import { orForbidden, requireStaff } from '../staff';
import { checkInput, postedId, settleDelete, settleSave } from '../term-actions';

const fields = [
  'name',
  'slug',
  'jobTitle',
  'role',
  'bio',
  'photoId',
  'acceptsMedia',
  'mediaEmail',
  'mediaPhone',
];

export async function saveExpertAction(_previous: SaveState, form: FormData): Promise<SaveState> {
  const id = postedId(form);
  const user = await requireStaff(id ? `/admin/experts/${id}` : '/admin/experts/new');
  const values = {
    ...formValues(form, fields),
    topicIds: form.getAll('topicIds').map(String).join(','),
  };
  const checked = checkInput(expertInputSchema, values);
  if ('invalid' in checked) return checked.invalid;
  const { input } = checked;
  const result = await orForbidden(id ? updateExpert(user, id, input) : createExpert(user, input));
  return settleSave(result, values, '/admin/experts', Boolean(id));
}

export async function deleteExpertAction(
  _previous: DeleteState,
  form: FormData,
): Promise<DeleteState> {
  const id = postedId(form);
  const user = await requireStaff(`/admin/experts/${id}`);
  return settleDelete(await orForbidden(deleteExpert(user, id)), '/admin/experts');
}
