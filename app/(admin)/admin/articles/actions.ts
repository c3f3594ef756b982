'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  articleInputSchema,
  articleUpdateSchema,
  scheduleSchema,
} from '@/lib/editorial/article-input';
import type { EditableArticle } from '@/lib/editorial/article-record';
import { createArticle, updateArticle } from '@/lib/editorial/articles';
import { fromLondonInput } from '@/lib/time/london';
import { publishArticle, scheduleArticle, unpublishArticle } from '@/lib/editorial/publishing';
import { listRevisions, restoreRevision } from '@/lib/editorial/revisions';
import { fieldErrors, type FieldErrors } from '@/lib/validation/form';
import { orForbidden, requireStaff } from '../staff';
import { articleInputFromForm, valuesFromSnapshot, type ArticleFormState } from './form-values';

const checkFields = 'Nothing was saved: some fields need attention. See the message by each one.';
const goneMessage = 'This article has been deleted, so nothing was saved.';

const intentSchema = z.enum(['save', 'publish', 'schedule', 'unpublish'], {
  error: 'Choose what to do with the article.',
});

export async function createArticleAction(
  _previous: ArticleFormState,
  form: FormData,
): Promise<ArticleFormState> {
  const user = await requireStaff('/admin/articles/new');
  const input = articleInputFromForm(form);
  const parsed = articleInputSchema.safeParse(input);
  if (!parsed.success) {
    return { outcome: 'invalid', message: checkFields, errors: fieldErrors(parsed.error) };
  }
  const result = await orForbidden(createArticle(user, input));
  if (!result.ok) return { outcome: 'invalid', message: checkFields, errors: result.fieldErrors };
  redirect(`/admin/articles/${result.article.id}?created=1`);
}

function scheduledTime(form: FormData): { at: Date } | { error: string } {
  const raw = form.get('scheduleAt');
  if (typeof raw !== 'string' || !raw.trim()) {
    return { error: 'Choose the date and time to publish, London time.' };
  }
  const parsed = scheduleSchema.safeParse(fromLondonInput(raw));
  return parsed.success ? { at: parsed.data } : { error: parsed.error.issues[0]!.message };
}

async function conflictState(
  id: string,
  current: EditableArticle,
  version: number | undefined,
): Promise<ArticleFormState> {
  const [latest] = await listRevisions(id);
  const theirs = latest?.version === current.version ? latest : undefined;
  return {
    outcome: 'conflict',
    message: `Not saved: someone else saved this article while you were editing it (it is now at version ${current.version}). Everything you typed is still in the form. Compare it with their version below before saving again.`,
    errors: {},
    version,
    conflict: {
      version: current.version,
      values: valuesFromSnapshot(current.fields),
      savedBy: theirs?.createdBy ? (theirs.createdBy.name ?? theirs.createdBy.email) : null,
      savedAt: theirs ? theirs.createdAt.toISOString() : null,
    },
  };
}

/**
 * Saves the form over the version it started from, then publishes or schedules it if asked, so
 * what goes live is what the editor sees. Unpublishing changes only the status.
 */
export async function editArticleAction(
  previous: ArticleFormState,
  form: FormData,
): Promise<ArticleFormState> {
  const id = String(form.get('articleId') ?? '');
  const user = await requireStaff(`/admin/articles/${id}`);
  const posted = Number(form.get('expectedVersion'));
  const version = Number.isInteger(posted) ? posted : previous.version;
  const intent = intentSchema.safeParse(form.get('intent'));
  if (!intent.success) {
    return { outcome: 'invalid', version, errors: { form: intent.error.issues[0]!.message } };
  }

  if (intent.data === 'unpublish') {
    const result = await orForbidden(unpublishArticle(user, id));
    if (!result.ok) return { outcome: 'gone', message: goneMessage, version, errors: {} };
    refresh();
    return {
      outcome: 'unpublished',
      message:
        'Unpublished: the article is a draft again and has left the site. Changes in the form since your last save are not saved.',
      version: result.article.version,
      errors: {},
    };
  }

  const errors: FieldErrors = {};
  const schedule = intent.data === 'schedule' ? scheduledTime(form) : null;
  if (schedule && 'error' in schedule) errors.scheduleAt = schedule.error;
  const input = articleInputFromForm(form);
  const parsed = articleUpdateSchema.safeParse(input);
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  if (Object.keys(errors).length > 0) {
    return { outcome: 'invalid', message: checkFields, version, errors };
  }

  const saved = await orForbidden(updateArticle(user, id, input));
  if (!saved.ok) {
    if (saved.reason === 'conflict') return conflictState(id, saved.conflict.current, version);
    if (saved.reason === 'not-found') {
      return { outcome: 'gone', message: goneMessage, version, errors: {} };
    }
    return { outcome: 'invalid', message: checkFields, version, errors: saved.fieldErrors };
  }
  refresh();
  const savedVersion = saved.article.version;

  if (intent.data === 'publish') {
    const published = await orForbidden(publishArticle(user, id));
    if (!published.ok) return { outcome: 'gone', message: goneMessage, version, errors: {} };
    return {
      outcome: 'published',
      message: 'Published: the article is on the site now.',
      version: savedVersion,
      errors: {},
    };
  }
  if (schedule && 'at' in schedule) {
    const scheduled = await orForbidden(scheduleArticle(user, id, schedule.at));
    if (!scheduled.ok) {
      return scheduled.reason === 'invalid'
        ? {
            outcome: 'invalid',
            message: 'Your changes are saved, but the article was not scheduled.',
            version: savedVersion,
            errors: { scheduleAt: scheduled.fieldErrors.at ?? 'Choose another time.' },
          }
        : { outcome: 'gone', message: goneMessage, version, errors: {} };
    }
    return {
      outcome: 'scheduled',
      message: 'Saved and scheduled. It goes live at the time shown above.',
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
export async function restoreRevisionAction(
  _previous: RestoreState,
  form: FormData,
): Promise<RestoreState> {
  const id = String(form.get('articleId') ?? '');
  const user = await requireStaff(`/admin/articles/${id}`);
  const parsed = restoreSchema.safeParse({
    revisionId: form.get('revisionId'),
    revisionVersion: form.get('revisionVersion'),
    expectedVersion: form.get('expectedVersion'),
  });
  if (!parsed.success) return { error: 'This version cannot be restored. Reload the page.' };
  const { revisionId, revisionVersion, expectedVersion } = parsed.data;
  const result = await orForbidden(restoreRevision(user, id, revisionId, expectedVersion));
  if (!result.ok) {
    switch (result.reason) {
      case 'conflict':
        return {
          error: `Not restored: someone saved the article meanwhile (it is now at version ${result.conflict.current.version}). Reload the page to see their changes first.`,
        };
      case 'invalid':
        return {
          error: `Version ${revisionVersion} cannot be restored as it was: ${Object.values(result.fieldErrors).join(' ')}`,
        };
      case 'not-found':
        return { error: 'That version, or the article, no longer exists.' };
    }
  }
  redirect(`/admin/articles/${id}?restored=${revisionVersion}&as=${result.article.version}`);
}
