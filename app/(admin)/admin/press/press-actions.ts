import 'server-only';
import { refresh, revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { DeleteState, SaveState } from '@/components/admin/form-state';
import type { PressDeleteResult, PressSaveResult } from '@/lib/press/press-office';

const checkFields = 'Nothing was saved: some fields need attention.';

/** Answers a press office form after a save; a new entry opens its own page. */
export function settlePressSave(
  result: PressSaveResult,
  values: Record<string, string>,
  basePath: string,
  editing: boolean,
): SaveState {
  if (!result.ok) {
    return result.reason === 'not-found'
      ? { values, errors: { form: 'It has been deleted meanwhile, so nothing was saved.' } }
      : { values, errors: result.fieldErrors, message: checkFields };
  }
  revalidatePath(basePath);
  if (!editing) redirect(`${basePath}/${result.id}?created=1`);
  refresh();
  return { values, errors: {}, message: 'Saved.', saved: true };
}

export function settlePressDelete(result: PressDeleteResult, basePath: string): DeleteState {
  if (!result.ok) return { error: 'It has already been deleted.' };
  revalidatePath(basePath);
  redirect(`${basePath}?deleted=1`);
}
