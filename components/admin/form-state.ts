import type { FieldErrors } from '@/lib/validation/form';

/** What a save action answers a simple admin form with: the values to show again, and errors. */
export interface SaveState {
  values: Record<string, string>;
  errors: FieldErrors;
  message?: string;
  saved?: boolean;
}

/** What a delete action answers with when it could not delete: the reason, to show. */
export interface DeleteState {
  error?: string;
}
