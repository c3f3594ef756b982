'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import type { RestoreState } from '@/components/admin/form-state';
import {
  articleInputSchema,
  articleUpdateSchema,
  scheduleSchema,
  type ArticleSnapshot,
} from '@/lib/editorial/article-input';
import { createArticle, updateArticle } from '@/lib/editorial/articles';
import { fromLondonInput } from '@/lib/time/london';
import { publishArticle, scheduleArticle, unpublishArticle } from '@/lib/editorial/publishing';
import { listRevisions, restoreRevision } from '@/lib/editorial/revisions';
import { fieldErrors, type FieldErrors } from '@/lib/validation/form';
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
  articleInputFromForm,
  valuesFromSnapshot,
  type ArticleFormState,
  type ArticleFormValues,
} from './form-values';

const articles: Edited<ArticleSnapshot, ArticleFormValues> = {
  noun: 'article',
  basePath: '/admin/articles',
  idField: 'articleId',
  listRevisions,
  toValues: valuesFromSnapshot,
};

const intentSchema = z.enum(['save', 'publish', 'schedule', 'unpublish'], {
  error: 'Choose what to do with the article.',
});

export async function createArticleAction(
  _previous: ArticleFormState,
  form: FormData,
): Promise<ArticleFormState> {
  return createFromForm(
    articles,
    articleInputFromForm(form),
    articleInputSchema,
    async (user, input) => {
      const result = await createArticle(user, input);
      return result.ok ? { ok: true, id: result.article.id } : result;
    },
  );
}

function scheduledTime(form: FormData): { at: Date } | { error: string } {
  const raw = form.get('scheduleAt');
  if (typeof raw !== 'string' || !raw.trim()) {
    return { error: 'Choose the date and time to publish, London time.' };
  }
  const parsed = scheduleSchema.safeParse(fromLondonInput(raw));
  return parsed.success ? { at: parsed.data } : { error: parsed.error.issues[0]!.message };
}

/**
 * Saves the form over the version it started from, then publishes or schedules it if asked, so
 * what goes live is what the editor sees. Unpublishing changes only the status.
 */
export async function editArticleAction(
  previous: ArticleFormState,
  form: FormData,
): Promise<ArticleFormState> {
  const started = await startEdit(articles, previous, form, intentSchema);
  if ('refused' in started) return started.refused;
  const { user, id, version, intent } = started;

  if (intent === 'unpublish') {
    const result = await orForbidden(unpublishArticle(user, id));
    if (!result.ok) return goneState(articles, version);
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
  const schedule = intent === 'schedule' ? scheduledTime(form) : null;
  if (schedule && 'error' in schedule) errors.scheduleAt = schedule.error;
  const input = articleInputFromForm(form);
  const parsed = articleUpdateSchema.safeParse(input);
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  if (Object.keys(errors).length > 0) return invalidState(errors, version);

  const saved = await orForbidden(updateArticle(user, id, input));
  if (!saved.ok) return refusedSave(articles, id, saved, version);
  refresh();
  const savedVersion = saved.article.version;

  if (intent === 'publish') {
    const published = await orForbidden(publishArticle(user, id));
    if (!published.ok) return goneState(articles, version);
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
        : goneState(articles, version);
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

/** Saves an earlier version's fields as the next version, if nobody has saved meanwhile. */
export async function restoreRevisionAction(
  _previous: RestoreState,
  form: FormData,
): Promise<RestoreState> {
  return restoreFromForm(articles, form, async (user, id, revisionId, expectedVersion) => {
    const result = await restoreRevision(user, id, revisionId, expectedVersion);
    return result.ok ? { ok: true, version: result.article.version } : result;
  });
}
