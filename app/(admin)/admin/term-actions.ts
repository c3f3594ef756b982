import 'server-only';
import { refresh, revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { DeleteState, SaveState } from '@/components/admin/form-state';
import type { TermDeleteResult, TermSaveResult } from '@/lib/editorial/taxonomy';
import { fieldErrors } from '@/lib/validation/form';
import type { z } from 'zod';

// The experts', series', topics' and membership tiers' actions differ only in their fields and
// lib functions.

const checkFields = 'Nothing was saved: some fields need attention.';

/** The posted id: blank when creating. */
export function postedId(form: FormData): string {
  const id = form.get('id');
  return typeof id === 'string' ? id : '';
}

/**
 * Validates with the lib's schema first, so every problem comes back with the typed values;
 * the values that pass go to the lib as they are, which parses them again inside its transaction.
 */
export function checkInput<S extends z.ZodType>(
  schema: S,
  values: Record<string, string>,
): { input: z.input<S> } | { invalid: SaveState } {
  const parsed = schema.safeParse(values);
  return parsed.success
    ? { input: values as z.input<S> }
    : { invalid: { values, errors: fieldErrors(parsed.error), message: checkFields } };
}

/** Answers the form after a save; a new one opens its own page. */
export function settleSave(
  result: TermSaveResult,
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
  return { values: { ...values, slug: result.slug }, errors: {}, message: 'Saved.', saved: true };
}

/** Back to the list after a delete, or the lib's reason for refusing it. */
export function settleDelete(result: TermDeleteResult, basePath: string): DeleteState {
  if (!result.ok) {
    return { error: result.reason === 'in-use' ? result.message : 'It has already been deleted.' };
  }
  revalidatePath(basePath);
  redirect(`${basePath}?deleted=1`);
}
