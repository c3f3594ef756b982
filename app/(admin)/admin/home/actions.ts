'use server';

import { refresh } from 'next/cache';
import type { SaveState } from '@/components/admin/form-state';
import { saveHomeChoices } from '@/lib/editorial/home';
import { homeTopicFields } from '@/lib/editorial/home-input';
import { formValues } from '@/lib/validation/form';
import { orForbidden, requireStaff } from '../staff';

const fields = ['leadArticleId', 'featuredPublicationId', ...homeTopicFields];

export async function saveHomeAction(_previous: SaveState, form: FormData): Promise<SaveState> {
  const user = await requireStaff('/admin/home');
  const values = formValues(form, fields);
  const result = await orForbidden(saveHomeChoices(user, values));
  if (!result.ok) {
    return {
      values,
      errors: result.fieldErrors,
      message: 'Nothing was saved: some choices need attention.',
    };
  }
  refresh();
  return {
    values,
    errors: {},
    message: 'Saved. The home page shows your choices now.',
    saved: true,
  };
}
