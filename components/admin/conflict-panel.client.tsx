'use client';

import { DateTime } from '@/components/admin/date-time';
import { ScrollingTable } from '@/components/ui/scrolling-table';

export interface ConflictRow {
  field: string;
  label: string;
  theirs: string;
  mine: string;
}

interface Props {
  /** The version another editor saved, and by whom and when, where known. */
  conflict: { version: number; savedBy: string | null; savedAt: string | null };
  /** The fields that differ, in the form's order, as text to compare. */
  rows: ConflictRow[];
  onUseTheirs: (field: string) => void;
  onKeepMine: () => void;
}

/**
 * What another editor saved next to what this editor has typed, field by field, so neither is
 * lost: take theirs for a field, or keep the form as it is and save over their version.
 */
export function ConflictPanel({ conflict, rows, onUseTheirs, onKeepMine }: Props) {
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
        {rows.length === 0
          ? 'It matches what is in your form.'
          : `${rows.length === 1 ? 'One field differs' : `${rows.length} fields differ`} from your form.`}
      </p>
      {rows.length > 0 && (
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
            {rows.map((row) => (
              <tr key={row.field} className="border-b border-rule align-top">
                <th scope="row" className="py-2 pr-4">
                  {row.label}
                </th>
                <td className="py-2 pr-4">
                  <pre
                    tabIndex={0}
                    className="max-h-64 overflow-auto whitespace-pre-wrap break-words font-sans"
                  >
                    {row.theirs}
                  </pre>
                </td>
                <td className="py-2 pr-4">
                  <pre
                    tabIndex={0}
                    className="max-h-64 overflow-auto whitespace-pre-wrap break-words font-sans"
                  >
                    {row.mine}
                  </pre>
                </td>
                <td className="py-2">
                  <button
                    type="button"
                    onClick={() => onUseTheirs(row.field)}
                    className="rounded border border-navy px-2 py-1 text-xs font-semibold text-navy"
                  >
                    Use theirs<span className="sr-only"> for {row.label}</span>
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
