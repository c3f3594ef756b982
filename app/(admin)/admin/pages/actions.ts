'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import type { RestoreState } from '@/components/admin/form-state';
import { pageInputSchema, pageUpdateSchema, type PageSnapshot } from '@/lib/pages/page-input';
import {
  createPage,
  listPageRevisions,
  publishPage,
  restorePageRevision,
  unpublishPage,
  updatePage,
} from '@/lib/pages/pages';
import { fieldErrors } from '@/lib/validation/form';
import {
  createFromForm,
  goneState,
  invalidState,
  refusedSave,
  restoreFromForm,
  startEdit,
  type Edited,
} from '../editor-actions';
import { orForbidden } from '../staff';
import {
  pageInputFromForm,
  pageValuesFromSnapshot,
  type PageFormState,
  type PageFormValues,
} from './form-values';

const pages: Edited<PageSnapshot, PageFormValues> = {
  noun: 'page',
  basePath: '/admin/pages',
  idField: 'pageId',
  listRevisions: listPageRevisions,
  toValues: pageValuesFromSnapshot,
};

const intentSchema = z.enum(['save', 'publish', 'unpublish'], {
  error: 'Choose what to do with the page.',
});

export async function createPageAction(
  _previous: PageFormState,
  form: FormData,
): Promise<PageFormState> {
  return createFromForm(pages, pageInputFromForm(form), pageInputSchema, async (user, input) => {
    const result = await createPage(user, input);
    return result.ok ? { ok: true, id: result.page.id } : result;
  });
}

/**
 * Saves the form over the version it started from, then publishes it if asked, so what goes
 * live is what the editor sees. Unpublishing changes only the status.
 */
export async function editPageAction(
  previous: PageFormState,
  form: FormData,
): Promise<PageFormState> {
  const started = await startEdit(pages, previous, form, intentSchema);
  if ('refused' in started) return started.refused;
  const { user, id, version, intent } = started;

  if (intent === 'unpublish') {
    const result = await orForbidden(unpublishPage(user, id));
    if (!result.ok) return goneState(pages, version);
    refresh();
    return {
      outcome: 'unpublished',
      message:
        'Unpublished: the page is a draft again and has left the site and its menus. Changes in the form since your last save are not saved.',
      version: result.page.version,
      errors: {},
    };
  }

  const input = pageInputFromForm(form);
  const parsed = pageUpdateSchema.safeParse(input);
  if (!parsed.success) return invalidState(fieldErrors(parsed.error), version);
  const saved = await orForbidden(updatePage(user, id, input));
  if (!saved.ok) return refusedSave(pages, id, saved, version);
  refresh();
  const savedVersion = saved.page.version;
  if (intent === 'publish') {
    const published = await orForbidden(publishPage(user, id));
    if (!published.ok) return goneState(pages, version);
    return {
      outcome: 'published',
      message: 'Published: the page is on the site now, in the menus you chose.',
      version: savedVersion,
      errors: {},
    };
  }
  return { outcome: 'saved', message: 'Saved.', version: savedVersion, errors: {} };
}

/** Saves an earlier version's fields as the next version, if nobody has saved meanwhile. */
export async function restorePageRevisionAction(
  _previous: RestoreState,
  form: FormData,
): Promise<RestoreState> {
  return restoreFromForm(pages, form, async (user, id, revisionId, expectedVersion) => {
    const result = await restorePageRevision(user, id, revisionId, expectedVersion);
    return result.ok ? { ok: true, version: result.page.version } : result;
  });
}
