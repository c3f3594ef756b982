'use client';

import { DateTime } from '@/components/admin/date-time';
import {
  changedFields,
  fieldLabels,
  type ArticleField,
  type ArticleFormState,
  type ArticleFormValues,
} from './form-values';
import { ScrollingTable } from '@/components/ui/scrolling-table';

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

/**
 * What another editor saved next to what this editor has typed, field by field, so neither is
 * lost: take theirs for a field, or keep the form as it is and save over their version.
 */
export function ConflictPanel({ conflict, mine, names, onUseTheirs, onKeepMine }: Props) {
  const fields = changedFields(conflict.values, mine);
  return (
    <section
      aria-labelledby="conflict-heading"
      className="rounded border-2 border-accent bg-white p-4"
    >
      <h2 id="conflict-heading" className="font-serif text-2xl font-semibold">
        Their version and yours
      </h2>
      <p className="mt-2">
        Version {conflict.version} was saved
        {conflict.savedBy && <> by {conflict.savedBy}</>}
        {conflict.savedAt && (
          <>
            {' '}
            at <DateTime value={conflict.savedAt} />
          </>
        )}
        .{' '}
        {fields.length === 0
          ? 'It matches what is in your form.'
          : `${fields.length === 1 ? 'One field differs' : `${fields.length} fields differ`} from your form.`}
      </p>
      {fields.length > 0 && (
        <ScrollingTable className="mt-4" tableClassName="table-fixed">
          <caption className="sr-only">Fields that differ between their version and yours</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="w-40 py-2 pr-4">
                Field
              </th>
              <th scope="col" className="py-2 pr-4">
                Their saved version
              </th>
              <th scope="col" className="py-2 pr-4">
                In your form (not saved)
              </th>
              <th scope="col" className="w-32 py-2">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field} className="border-b border-rule align-top">
                <th scope="row" className="py-2 pr-4">
                  {fieldLabels[field]}
                </th>
                <td className="py-2 pr-4">
                  <pre
                    tabIndex={0}
                    className="max-h-64 overflow-auto whitespace-pre-wrap break-words font-sans"
                  >
                    {show(conflict.values, field, names)}
                  </pre>
                </td>
                <td className="py-2 pr-4">
                  <pre
                    tabIndex={0}
                    className="max-h-64 overflow-auto whitespace-pre-wrap break-words font-sans"
                  >
                    {show(mine, field, names)}
                  </pre>
                </td>
                <td className="py-2">
                  <button
                    type="button"
                    onClick={() => onUseTheirs(field)}
                    className="rounded border border-navy px-2 py-1 text-xs font-semibold text-navy"
                  >
                    Use theirs<span className="sr-only"> for {fieldLabels[field]}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <p className="mt-4 text-sm">
        When the form holds what you want, continue from their version: your next save then replaces
        version {conflict.version} with what is in the form.
      </p>
      <button
        type="button"
        onClick={onKeepMine}
        className="mt-2 rounded bg-navy px-4 py-2 font-semibold text-white"
      >
        Continue from version {conflict.version}
      </button>
    </section>
  );
}
