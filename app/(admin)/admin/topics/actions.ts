'use server';

import type { DeleteState, SaveState } from '@/components/admin/form-state';
import { createTopic, deleteTopic, updateTopic } from '@/lib/editorial/taxonomy';
import { topicInputSchema } from '@/lib/editorial/taxonomy-input';
import { formValues } from '@/lib/validation/form';
import { orForbidden, requireStaff } from '../staff';
import { checkInput, postedId, settleDelete, settleSave } from '../term-actions';

const fields = ['name', 'slug', 'kind', 'description'];

/** Topics and regions alike: `kind` says which. */
export async function saveTopicAction(_previous: SaveState, form: FormData): Promise<SaveState> {
  const id = postedId(form);
  const user = await requireStaff(id ? `/admin/topics/${id}` : '/admin/topics/new');
  const values = formValues(form, fields);
  const checked = checkInput(topicInputSchema, values);
  if ('invalid' in checked) return checked.invalid;
  const { input } = checked;
  const result = await orForbidden(id ? updateTopic(user, id, input) : createTopic(user, input));
  return settleSave(result, values, '/admin/topics', Boolean(id));
}

export async function deleteTopicAction(
  _previous: DeleteState,
  form: FormData,
): Promise<DeleteState> {
  const id = postedId(form);
  const user = await requireStaff(`/admin/topics/${id}`);
  return settleDelete(await orForbidden(deleteTopic(user, id)), '/admin/topics');
}
