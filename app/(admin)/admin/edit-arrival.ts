import { firstParam } from '@/lib/validation/params';

type Query = Record<string, string | string[] | undefined>;

const version = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? value : null);

/**
 * What an edit page says of the action that led to it (`?created=1`, `?restored=2&as=4`), as long
 * as it is still true: a reload after a later save or publish says nothing. `formKey` changes
 * with a restore, which replaces the saved fields under the form, so the form starts afresh.
 */
export function editArrival(query: Query, current: { version: number; draft: boolean }) {
  const restored = version(firstParam(query.restored));
  const restoredAs = version(firstParam(query.as));
  const formKey = restoredAs ? `restored-${restoredAs}` : 'edit';
  if (restored && restoredAs && Number(restoredAs) === current.version) {
    return { formKey, notice: `Version ${restored} restored as version ${restoredAs}.` };
  }
  if (query.created === '1' && current.version === 1 && current.draft) {
    return { formKey, notice: 'Draft saved. It is not on the site until you publish it.' };
  }
  return { formKey, notice: undefined };
}
