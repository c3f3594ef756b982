'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { DeleteState, SaveState } from '@/components/admin/form-state';
import {
  deleteFunder,
  deleteFundingYear,
  saveFunder,
  saveFundingYear,
  type FundingDeleteResult,
  type FundingSaveResult,
} from '@/lib/funding/funding';
import { funderFieldNames, fundingYearFieldNames } from '@/lib/funding/funding-input';
import { formValues } from '@/lib/validation/form';
import { orForbidden, requireStaff } from '../staff';
import { postedId } from '../term-actions';

const basePath = '/admin/funding';
const admins = ['admin' as const];

function settleSave(result: FundingSaveResult, values: Record<string, string>): SaveState {
  if (!result.ok) {
    return result.reason === 'not-found'
      ? { values, errors: { form: 'It has been deleted meanwhile, so nothing was saved.' } }
      : {
          values,
          errors: result.fieldErrors,
          message: 'Nothing was saved: some fields need attention.',
        };
  }
  revalidatePath(basePath);
  redirect(`${basePath}?saved=1`);
}

function settleDelete(result: FundingDeleteResult): DeleteState {
  if (!result.ok) return { error: 'It has already been deleted.' };
  revalidatePath(basePath);
  redirect(`${basePath}?deleted=1`);
}

export async function saveFunderAction(_previous: SaveState, form: FormData): Promise<SaveState> {
  const id = postedId(form);
  const admin = await requireStaff(
    id ? `${basePath}/funders/${id}` : `${basePath}/funders/new`,
    admins,
  );
  const values = formValues(form, [...funderFieldNames]);
  return settleSave(await orForbidden(saveFunder(admin, id || null, values)), values);
}

export async function deleteFunderAction(_previous: DeleteState, form: FormData) {
  const id = postedId(form);
  const admin = await requireStaff(`${basePath}/funders/${id}`, admins);
  return settleDelete(await orForbidden(deleteFunder(admin, id)));
}

export async function saveFundingYearAction(
  _previous: SaveState,
  form: FormData,
): Promise<SaveState> {
  const original = postedId(form);
  const admin = await requireStaff(
    original ? `${basePath}/years/${original}` : `${basePath}/years/new`,
    admins,
  );
  const values = formValues(form, [...fundingYearFieldNames]);
  const year = original ? Number(original) : null;
  return settleSave(await orForbidden(saveFundingYear(admin, year, values)), values);
}

export async function deleteFundingYearAction(_previous: DeleteState, form: FormData) {
  const year = postedId(form);
  const admin = await requireStaff(`${basePath}/years/${year}`, admins);
  return settleDelete(await orForbidden(deleteFundingYear(admin, Number(year))));
}
