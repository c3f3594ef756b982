import 'server-only';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { EditorFormState, RestoreState } from '@/components/admin/form-state';
import type { Actor } from '@/lib/auth/who';
import type { RevisionEntry } from '@/lib/editorial/revision-store';
import type { Invalid, NotFound } from '@/lib/editorial/results';
import { fieldErrors } from '@/lib/validation/form';
import { orForbidden, requireStaff } from './staff';

// The articles' and pages' editors differ in their fields, their lib functions and a few words;
// how a save, a conflict and a restore are answered is the same.

/** One kind of content an editor's form saves, versioned with revisions. */
export interface Edited<Snapshot, Values> {
  noun: 'article' | 'page';
  /** Where its list is; each one's edit page is below it. */
  basePath: string;
  /** The posted field naming the one edited. */
  idField: string;
  listRevisions: (id: string) => Promise<RevisionEntry<Snapshot>[]>;
  toValues: (snapshot: Snapshot) => Values;
}

/** A save the lib refused: it changed nothing. */
type Refusal<Snapshot> =
  | Invalid
  | NotFound
  | { ok: false; reason: 'conflict'; conflict: { current: { version: number; fields: Snapshot } } };

type State<Values> = EditorFormState<Values, never>;

const checkFields = 'Nothing was saved: some fields need attention. See the message by each one.';

export const invalidState = <Values>(
  errors: Invalid['fieldErrors'],
  version?: number,
): State<Values> => ({ outcome: 'invalid', message: checkFields, version, errors });

export const goneState = <Snapshot, Values>(
  edited: Edited<Snapshot, Values>,
  version: number | undefined,
): State<Values> => ({
  outcome: 'gone',
  message: `This ${edited.noun} has been deleted, so nothing was saved.`,
  version,
  errors: {},
});

/**
 * Checks a new one's form with the lib's schema, so every problem comes back at once, then
 * creates it and opens its edit page.
 */
export async function createFromForm<Input, Snapshot, Values>(
  edited: Edited<Snapshot, Values>,
  input: Input,
  schema: z.ZodType<unknown, Input>,
  create: (user: Actor, input: Input) => Promise<{ ok: true; id: string } | Invalid>,
): Promise<State<Values>> {
  const user = await requireStaff(`${edited.basePath}/new`);
  const parsed = schema.safeParse(input);
  if (!parsed.success) return invalidState(fieldErrors(parsed.error));
  const result = await orForbidden(create(user, input));
  if (!result.ok) return invalidState(result.fieldErrors);
  redirect(`${edited.basePath}/${result.id}?created=1`);
}

/**
 * Who is saving which one, from which version, and what they asked for; or the form's answer
 * when the request names nothing it can do.
 */
export async function startEdit<Intent extends string, Snapshot, Values>(
  edited: Edited<Snapshot, Values>,
  previous: { version?: number },
  form: FormData,
  intents: z.ZodType<Intent>,
): Promise<
  | { user: Actor; id: string; version: number | undefined; intent: Intent }
  | { refused: State<Values> }
> {
  const id = String(form.get(edited.idField) ?? '');
  const user = await requireStaff(`${edited.basePath}/${id}`);
  const posted = Number(form.get('expectedVersion'));
  const version = Number.isInteger(posted) ? posted : previous.version;
  const intent = intents.safeParse(form.get('intent'));
  if (!intent.success) {
    return {
      refused: { outcome: 'invalid', version, errors: { form: intent.error.issues[0]!.message } },
    };
  }
  return { user, id, version, intent: intent.data };
}

/**
 * The form's answer to a refused save. After a conflict it carries the version someone else
 * saved, and who saved it when the latest revision is theirs, to compare with the form.
 */
export async function refusedSave<Snapshot, Values>(
  edited: Edited<Snapshot, Values>,
  id: string,
  refusal: Refusal<Snapshot>,
  version: number | undefined,
): Promise<State<Values>> {
  if (refusal.reason === 'not-found') return goneState(edited, version);
  if (refusal.reason === 'invalid') return invalidState(refusal.fieldErrors, version);
  const { current } = refusal.conflict;
  const [latest] = await edited.listRevisions(id);
  const theirs = latest?.version === current.version ? latest : undefined;
  return {
    outcome: 'conflict',
    message: `Not saved: someone else saved this ${edited.noun} while you were editing it (it is now at version ${current.version}). Everything you typed is still in the form. Compare it with their version below before saving again.`,
    errors: {},
    version,
    conflict: {
      version: current.version,
      values: edited.toValues(current.fields),
      savedBy: theirs?.createdBy ? (theirs.createdBy.name ?? theirs.createdBy.email) : null,
      savedAt: theirs ? theirs.createdAt.toISOString() : null,
    },
  };
}

const restoreSchema = z.object({
  revisionId: z.guid(),
  revisionVersion: z.coerce.number().int().min(1),
  expectedVersion: z.coerce.number().int().min(1),
});

/**
 * Saves an earlier version's fields as the next version, if nobody has saved meanwhile, and
 * opens the edit page on the restored version.
 */
export async function restoreFromForm<Snapshot, Values>(
  edited: Edited<Snapshot, Values>,
  form: FormData,
  restore: (
    user: Actor,
    id: string,
    revisionId: string,
    expectedVersion: number,
  ) => Promise<{ ok: true; version: number } | Refusal<Snapshot>>,
): Promise<RestoreState> {
  const id = String(form.get('id') ?? '');
  const user = await requireStaff(`${edited.basePath}/${id}`);
  const parsed = restoreSchema.safeParse({
    revisionId: form.get('revisionId'),
    revisionVersion: form.get('revisionVersion'),
    expectedVersion: form.get('expectedVersion'),
  });
  if (!parsed.success) return { error: 'This version cannot be restored. Reload the page.' };
  const { revisionId, revisionVersion, expectedVersion } = parsed.data;
  const result = await orForbidden(restore(user, id, revisionId, expectedVersion));
  if (!result.ok) {
    switch (result.reason) {
      case 'conflict':
        return {
          error: `Not restored: someone saved the ${edited.noun} meanwhile (it is now at version ${result.conflict.current.version}). Reload the page to see their changes first.`,
        };
      case 'invalid':
        return {
          error: `Version ${revisionVersion} cannot be restored as it was: ${Object.values(result.fieldErrors).join(' ')}`,
        };
      case 'not-found':
        return { error: `That version, or the ${edited.noun}, no longer exists.` };
    }
  }
  redirect(`${edited.basePath}/${id}?restored=${revisionVersion}&as=${result.version}`);
}
