import type { FieldErrors } from '@/lib/validation/form';

export type { FieldErrors };

export type Invalid = { ok: false; reason: 'invalid'; fieldErrors: FieldErrors };
export type NotFound = { ok: false; reason: 'not-found' };

export const invalid = (fieldErrors: FieldErrors): Invalid => ({
  ok: false,
  reason: 'invalid',
  fieldErrors,
});

export const notFound: NotFound = { ok: false, reason: 'not-found' };
