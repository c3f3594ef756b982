'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { pageInputSchema, pageUpdateSchema } from '@/lib/pages/page-input';
import type { EditablePage } from '@/lib/pages/page-record';
import {
  createPage,
  listPageRevisions,
  publishPage,
  restorePageRevision,
  unpublishPage,
  updatePage,
} from '@/lib/pages/pages';
import { fieldErrors } from '@/lib/validation/form';
import { orForbidden, requireStaff } from '../staff';
import { pageInputFromForm, pageValuesFromSnapshot, type PageFormState } from './form-values';

const checkFields = 'Nothing was saved: some fields need attention. See the message by each one.';
const goneMessage = 'This page has been deleted, so nothing was saved.';

const intentSchema = z.enum(['save', 'publish', 'unpublish'], {
  error: 'Choose what to do with the page.',
});

export async function createPageAction(
  _previous: PageFormState,
  form: FormData,
): Promise<PageFormState> {
  const user = await requireStaff('/admin/pages/new');
  const input = pageInputFromForm(form);
  const parsed = pageInputSchema.safeParse(input);
  if (!parsed.success) {
    return { outcome: 'invalid', message: checkFields, errors: fieldErrors(parsed.error) };
  }
  const result = await orForbidden(createPage(user, input));
  if (!result.ok) return { outcome: 'invalid', message: checkFields, errors: result.fieldErrors };
  redirect(`/admin/pages/${result.page.id}?created=1`);
}

async function conflictState(
  id: string,
  current: EditablePage,
  version: number | undefined,
): Promise<PageFormState> {
  const [latest] = await listPageRevisions(id);
  const theirs = latest?.version === current.version ? latest : undefined;
  return {
    outcome: 'conflict',
    message: `Not saved: someone else saved this page while you were editing it (it is now at version ${current.version}). Everything you typed is still in the form. Compare it with their version below before saving again.`,
    errors: {},
    version,
    conflict: {
      version: current.version,
      values: pageValuesFromSnapshot(current.fields),
      savedBy: theirs?.createdBy ? (theirs.createdBy.name ?? theirs.createdBy.email) : null,
      savedAt: theirs ? theirs.createdAt.toISOString() : null,
    },
  };
}

/**
 * Saves the form over the version it started from, then publishes it if asked, so what goes
 * live is what the editor sees. Unpublishing changes only the status.
 */
export async function editPageAction(
  previous: PageFormState,
  form: FormData,
): Promise<PageFormState> {
  const id = String(form.get('pageId') ?? '');
  const user = await requireStaff(`/admin/pages/${id}`);
  const posted = Number(form.get('expectedVersion'));
  const version = Number.isInteger(posted) ? posted : previous.version;
  const intent = intentSchema.safeParse(form.get('intent'));
  if (!intent.success) {
    return { outcome: 'invalid', version, errors: { form: intent.error.issues[0]!.message } };
  }

  if (intent.data === 'unpublish') {
    const result = await orForbidden(unpublishPage(user, id));
    if (!result.ok) return { outcome: 'gone', message: goneMessage, version, errors: {} };
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
  if (!parsed.success) {
    return { outcome: 'invalid', message: checkFields, version, errors: fieldErrors(parsed.error) };
  }
  const saved = await orForbidden(updatePage(user, id, input));
  if (!saved.ok) {
    if (saved.reason === 'conflict') return conflictState(id, saved.conflict.current, version);
    if (saved.reason === 'not-found') {
      return { outcome: 'gone', message: goneMessage, version, errors: {} };
    }
    return { outcome: 'invalid', message: checkFields, version, errors: saved.fieldErrors };
  }
  refresh();
  const savedVersion = saved.page.version;
  if (intent.data === 'publish') {
    const published = await orForbidden(publishPage(user, id));
    if (!published.ok) return { outcome: 'gone', message: goneMessage, version, errors: {} };
    return {
      outcome: 'published',
      message: 'Published: the page is on the site now, in the menus you chose.',
      version: savedVersion,
      errors: {},
    };
  }
  return { outcome: 'saved', message: 'Saved.', version: savedVersion, errors: {} };
}

export interface RestoreState {
  error?: string;
}

const restoreSchema = z.object({
  revisionId: z.guid(),
  revisionVersion: z.coerce.number().int().min(1),
  expectedVersion: z.coerce.number().int().min(1),
});

/** Saves an earlier version's fields as the next version, if nobody has saved meanwhile. */
export async function restorePageRevisionAction(
  _previous: RestoreState,
  form: FormData,
): Promise<RestoreState> {
  const id = String(form.get('pageId') ?? '');
  const user = await requireStaff(`/admin/pages/${id}`);
  const parsed = restoreSchema.safeParse({
    revisionId: form.get('revisionId'),
    revisionVersion: form.get('revisionVersion'),
    expectedVersion: form.get('expectedVersion'),
  });
  if (!parsed.success) return { error: 'This version cannot be restored. Reload the page.' };
  const { revisionId, revisionVersion, expectedVersion } = parsed.data;
  const result = await orForbidden(restorePageRevision(user, id, revisionId, expectedVersion));
  if (!result.ok) {
    switch (result.reason) {
      case 'conflict':
        return {
          error: `Not restored: someone saved the page meanwhile (it is now at version ${result.conflict.current.version}). Reload the page to see their changes first.`,
        };
      case 'invalid':
        return {
          error: `Version ${revisionVersion} cannot be restored as it was: ${Object.values(result.fieldErrors).join(' ')}`,
        };
      case 'not-found':
        return { error: 'That version, or the page, no longer exists.' };
    }
  }
  redirect(`/admin/pages/${id}?restored=${revisionVersion}&as=${result.page.version}`);
}
