'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  applySubscriberImport,
  previewSubscriberImport,
  type ImportResult,
} from '@/lib/newsletters/subscriber-import';
import { fieldErrors, type FieldErrors } from '@/lib/validation/form';
import { orForbidden, requireStaff } from '../../../staff';

export interface ImportState {
  errors: FieldErrors;
  /** What the file would do, or did once imported. */
  result?: Extract<ImportResult, { ok: true }>;
  fileName?: string;
}

const noFile = 'Choose a CSV file to import.';

// Checked by shape rather than instanceof: the posted file's class comes from the runtime's
// multipart parser, not necessarily this module's global File.
const file = z
  .custom<File>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      typeof (value as File).arrayBuffer === 'function' &&
      typeof (value as File).size === 'number',
    { error: noFile },
  )
  // A form sent without a file chosen posts an empty one without a name.
  .refine((chosen) => chosen.size > 0 || chosen.name !== '', noFile);

const requestSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('preview'), file }),
  // The import names the preview it follows by the file's SHA-256.
  z.object({ intent: z.literal('import'), file, hash: z.string().regex(/^[0-9a-f]{64}$/) }),
]);

/** Previews a subscribers' file, or imports the one previewed; the lib checks it either way. */
export async function importSubscribersAction(
  _previous: ImportState,
  form: FormData,
): Promise<ImportState> {
  const admin = await requireStaff('/admin/newsletters/subscribers/import', ['admin']);
  const parsed = requestSchema.safeParse({
    intent: form.get('intent'),
    hash: form.get('hash'),
    file: form.get('file'),
  });
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return { errors: errors.file ? { file: errors.file } : { form: 'Preview the file again.' } };
  }
  const request = parsed.data;
  const upload = {
    bytes: new Uint8Array(await request.file.arrayBuffer()),
    fileName: request.file.name,
  };
  const result = await orForbidden(
    request.intent === 'import'
      ? applySubscriberImport(admin, { ...upload, hash: request.hash })
      : previewSubscriberImport(admin, upload),
  );
  if (!result.ok) return { errors: { file: result.message }, fileName: upload.fileName };
  if (result.applied) revalidatePath('/admin/newsletters', 'layout');
  return { errors: {}, result, fileName: upload.fileName };
}
