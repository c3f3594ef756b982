'use client';

import { ConflictPanel as Panel } from '@/components/admin/conflict-panel.client';
import {
  changedFields,
  fieldLabels,
  type ArticleField,
  type ArticleFormState,
  type ArticleFormValues,
} from './form-values';

type Conflict = NonNullable<ArticleFormState['conflict']>;

interface Props {
  conflict: Conflict;
  mine: ArticleFormValues;
  /** Names for the ids the form holds: experts, series, topics, regions and images. */
  names: Map<string, string>;
  onUseTheirs: (field: ArticleField) => void;
  onKeepMine: () => void;
}

function show(values: ArticleFormValues, field: ArticleField, names: Map<string, string>) {
  const value = values[field];
  if (Array.isArray(value)) {
    return value.length ? value.map((id) => names.get(id) ?? 'Removed').join(', ') : '(none)';
  }
  if (
    field === 'seriesId' ||
    field === 'heroImageId' ||
    field === 'coverImageId' ||
    field === 'documentId'
  ) {
    return value ? (names.get(value) ?? 'Removed') : '(none)';
  }
  return value.trim() ? value : '(blank)';
}

/** The article's fields that differ between another editor's version and the form. */
export function ConflictPanel({ conflict, mine, names, onUseTheirs, onKeepMine }: Props) {
  const rows = changedFields(conflict.values, mine).map((field) => ({
    field,
    label: fieldLabels[field],
    theirs: show(conflict.values, field, names),
    mine: show(mine, field, names),
  }));
  return (
    <Panel
      conflict={conflict}
      rows={rows}
      onUseTheirs={(field) => onUseTheirs(field as ArticleField)}
      onKeepMine={onKeepMine}
    />
  );
}
