'use server';

import { refresh, revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { DeleteState, SaveState } from '@/components/admin/form-state';
import { sendAfterResponse } from '@/lib/email/send-after-response';
import {
  deleteIssue,
  saveIssue,
  scheduleIssue,
  sendIssueNow,
  sendTestIssue,
  unscheduleIssue,
} from '@/lib/newsletters/issue-admin';
import { formatMoment } from '@/lib/time/london';
import { formValues } from '@/lib/validation/form';
import { orForbidden, requireStaff } from '../../staff';
import { postedId } from '../../term-actions';

const basePath = '/admin/newsletters/issues';
const fields = ['listId', 'subject', 'preheader', 'intro'];
const checkFields = 'Nothing was saved: some fields need attention.';
const alreadySent = 'It has started sending meanwhile, so it can no longer be changed.';
const gone = 'It has been deleted meanwhile.';

/** What the issue page's smaller forms (test, send, schedule) answer with. */
export interface IssueActionState {
  message?: string;
  error?: string;
  errors?: Record<string, string>;
}

export async function saveIssueAction(_previous: SaveState, form: FormData): Promise<SaveState> {
  const id = postedId(form);
  const user = await requireStaff(id ? `${basePath}/${id}` : `${basePath}/new`);
  const values = formValues(form, fields);
  const articleIds = form.getAll('articleIds').map(String);
  const shown = { ...values, articleIds: articleIds.join(',') };
  const input = {
    listId: values.listId ?? '',
    subject: values.subject ?? '',
    preheader: values.preheader,
    intro: values.intro,
    articleIds,
  };
  const result = await orForbidden(saveIssue(user, id || null, input));
  if (!result.ok) {
    if (result.reason === 'invalid') {
      return { values: shown, errors: result.fieldErrors, message: checkFields };
    }
    return {
      values: shown,
      errors: { form: result.reason === 'started' ? alreadySent : `${gone} Nothing was saved.` },
    };
  }
  revalidatePath(basePath);
  if (!id) redirect(`${basePath}/${result.id}?created=1`);
  refresh();
  return { values: shown, errors: {}, message: 'Saved. The preview below shows it.', saved: true };
}

export async function sendTestAction(
  _previous: IssueActionState,
  form: FormData,
): Promise<IssueActionState> {
  const id = postedId(form);
  const user = await requireStaff(`${basePath}/${id}`);
  const result = await orForbidden(sendTestIssue(user, id));
  if (!result.ok) return { error: gone };
  sendAfterResponse(result.emails);
  const versions =
    result.emails.length > 1 ? 'two e-mails: as a member gets it, and as others do' : 'one e-mail';
  return { message: `Test sent to ${result.to}: ${versions}. It shows the issue as last saved.` };
}

export async function sendNowAction(
  _previous: IssueActionState,
  form: FormData,
): Promise<IssueActionState> {
  const id = postedId(form);
  const user = await requireStaff(`${basePath}/${id}`);
  const result = await orForbidden(sendIssueNow(user, id));
  if (!result.ok) {
    if (result.reason === 'unsendable') return { error: result.message };
    if (result.reason === 'already-started') return { error: 'It has already started sending.' };
    if (result.reason === 'archived') return { error: 'Its newsletter is retired.' };
    if (result.reason === 'no-pieces') return { error: 'It has nothing in it yet.' };
    return { error: gone };
  }
  revalidatePath(basePath);
  // The page changes from the draft to the send's progress.
  redirect(`${basePath}/${id}?started=1`);
}

export async function scheduleAction(
  _previous: IssueActionState,
  form: FormData,
): Promise<IssueActionState> {
  const id = postedId(form);
  const user = await requireStaff(`${basePath}/${id}`);
  const result = await orForbidden(scheduleIssue(user, id, String(form.get('sendAt') ?? '')));
  if (!result.ok) {
    if (result.reason === 'invalid') return { errors: result.fieldErrors };
    return { error: result.reason === 'started' ? alreadySent : gone };
  }
  revalidatePath(basePath);
  refresh();
  return { message: `Scheduled for ${formatMoment(result.at)}, London time.` };
}

export async function unscheduleAction(
  _previous: IssueActionState,
  form: FormData,
): Promise<IssueActionState> {
  const id = postedId(form);
  const user = await requireStaff(`${basePath}/${id}`);
  const result = await orForbidden(unscheduleIssue(user, id));
  if (!result.ok) return { error: result.reason === 'started' ? alreadySent : gone };
  revalidatePath(basePath);
  refresh();
  return { message: 'No longer scheduled: it is a draft again.' };
}

export async function deleteIssueAction(
  _previous: DeleteState,
  form: FormData,
): Promise<DeleteState> {
  const id = postedId(form);
  const user = await requireStaff(`${basePath}/${id}`);
  const result = await orForbidden(deleteIssue(user, id));
  if (!result.ok) return { error: result.reason === 'started' ? alreadySent : gone };
  revalidatePath(basePath);
  redirect(`${basePath}?deleted=1`);
}
