'use server';

import { revalidatePath } from 'next/cache';
import { forbidden, redirect } from 'next/navigation';
import { z } from 'zod';
import type { DeleteState, SaveState } from '@/components/admin/form-state';
import { mediaUrl } from '@/lib/content/media';
import { mediaRefusal } from '@/lib/media/access';
import { mediaDetailsSchema } from '@/lib/media/details';
import { deleteMedia, updateMediaDetails } from '@/lib/media/library';
import { uploadImage } from '@/lib/media/upload';
import { fieldErrors, formValues } from '@/lib/validation/form';
import { requireStaff } from '../staff';

const path = '/admin/media';

export interface UploadState {
  values: { alt: string; credit: string };
  errors: Record<string, string>;
  uploaded?: {
    id: string;
    url: string;
    alt: string;
    width: number;
    height: number;
    bytes: number;
    alreadyInLibrary: boolean;
  };
}

const noFile = 'Choose an image file to upload.';

// Checked by shape rather than instanceof: the posted file's class comes from the runtime's
// multipart parser, not necessarily this module's global File.
const uploadSchema = mediaDetailsSchema.extend({
  file: z
    .custom<File>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        typeof (value as File).arrayBuffer === 'function' &&
        typeof (value as File).size === 'number',
      { error: noFile },
    )
    .refine((file) => file.size > 0, noFile),
});

/** Reads the posted file and hands its bytes to the media library, which checks and resizes it. */
export async function uploadImageAction(
  _previous: UploadState,
  form: FormData,
): Promise<UploadState> {
  const user = await requireStaff(path);
  const values = formValues(form, ['alt', 'credit']) as UploadState['values'];
  const parsed = uploadSchema.safeParse({ ...values, file: form.get('file') });
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  const { file, alt, credit } = parsed.data;
  const result = await uploadImage(user, {
    bytes: new Uint8Array(await file.arrayBuffer()),
    filename: file.name,
    alt,
    credit,
  });
  if (!result.ok) {
    if (result.error === mediaRefusal) forbidden();
    return { values, errors: { file: result.error } };
  }
  revalidatePath(path);
  const { media } = result;
  return {
    values: { alt: '', credit: '' },
    errors: {},
    uploaded: {
      id: media.id,
      url: mediaUrl(media.storageKey),
      alt: media.alt,
      width: media.width,
      height: media.height,
      bytes: media.bytes,
      alreadyInLibrary: result.alreadyInLibrary,
    },
  };
}

export async function updateMediaAction(_previous: SaveState, form: FormData): Promise<SaveState> {
  const user = await requireStaff(path);
  const values = formValues(form, ['id', 'alt', 'credit']);
  const parsed = mediaDetailsSchema.safeParse(values);
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };
  const result = await updateMediaDetails(user, values.id!, parsed.data);
  if (!result.ok) {
    if (result.error === mediaRefusal) forbidden();
    return { values, errors: { ...result.fieldErrors, form: result.error } };
  }
  revalidatePath(path);
  return {
    values: { id: result.media.id, alt: result.media.alt, credit: result.media.credit ?? '' },
    errors: {},
    message: 'Saved.',
    saved: true,
  };
}

export async function deleteMediaAction(
  _previous: DeleteState,
  form: FormData,
): Promise<DeleteState> {
  const user = await requireStaff(path);
  const result = await deleteMedia(user, String(form.get('id') ?? ''));
  if (!result.ok) {
    if (result.error === mediaRefusal) forbidden();
    return { error: result.error };
  }
  revalidatePath(path);
  redirect(`${path}?deleted=1`);
}
