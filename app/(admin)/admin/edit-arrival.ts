import { firstParam } from '@/lib/validation/params';

type Query = Record<string, string | string[] | undefined>;

const version = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? value : null);

/**
 * What an edit page says of the action that led to it: `?created=1`, `?restored=2&as=4`.
 * `formKey` changes with a restore, which replaces the saved fields under the form, so the form
 * starts afresh.
 */
export function editArrival(query: Query) {
  const restored = version(firstParam(query.restored));
  const restoredAs = version(firstParam(query.as));
  const formKey = restoredAs ? `restored-${restoredAs}` : 'edit';
  if (restored) {
    return {
      formKey,
      notice: `Version ${restored} restored${restoredAs ? ` as version ${restoredAs}` : ''}.`,
    };
  }
  if (query.created === '1') {
    return { formKey, notice: 'Draft saved. It is not on the site until you publish it.' };
  }
  return { formKey, notice: undefined };
}
