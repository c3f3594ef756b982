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

/** What a save action answers an editor's form (an article's, a page's) with. */
export interface EditorFormState<Values, Done extends string> {
  outcome?: Done | 'invalid' | 'conflict' | 'gone';
  message?: string;
  errors: FieldErrors;
  /** The version the form now builds on, posted back with its next save. */
  version?: number;
  /** When someone else saved first: what they saved, to compare with the form. */
  conflict?: {
    version: number;
    values: Values;
    savedBy: string | null;
    savedAt: string | null;
  };
}

/** What restoring an earlier version answers with when it could not: the reason, to show. */
export interface RestoreState {
  error?: string;
}
