'use client';

import { useRef, useState } from 'react';
import { FieldGroup } from '@/components/admin/form-controls';

export interface PickerOption {
  id: string;
  /** What the list and the announcements call it. */
  name: string;
  /** A short note after the name, such as a date or "members only". */
  note?: string;
}

/** The words a picker speaks in, for what it picks. */
export interface PickerWords {
  legend: string;
  hint?: string;
  empty: string;
  addLabel: string;
  choose: string;
  addButton: string;
  /** Where a removed choice is said to be removed from ("the byline"). */
  place: string;
  /** The name of a chosen id no longer among the options. */
  unknown: string;
}

interface Props {
  id: string;
  /** The form field each chosen id is posted as, in order. */
  name: string;
  options: PickerOption[];
  value: string[];
  onChange: (ids: string[]) => void;
  words: PickerWords;
  error?: string;
  /** The most that may be chosen: the add control goes once it is reached. */
  max?: number;
}

// aria-disabled rather than disabled, so a button that reaches the end keeps the focus; greyed
// without opacity, which would take its text below readable contrast.
const smallButton =
  'rounded border border-navy px-2 py-1 text-xs font-semibold text-navy aria-disabled:border-rule aria-disabled:text-muted';

/** Choices added from a list, kept in the order the editor puts them, with every move announced. */
export function OrderedPicker({ id, name, options, value, onChange, words, error, max }: Props) {
  const [announcement, setAnnouncement] = useState('');
  const [adding, setAdding] = useState('');
  const addRef = useRef<HTMLSelectElement>(null);
  const optionOf = (chosen: string) => options.find((option) => option.id === chosen);
  const nameOf = (chosen: string) => optionOf(chosen)?.name ?? words.unknown;
  const available = options.filter((option) => !value.includes(option.id));
  const full = max !== undefined && value.length >= max;

  function move(index: number, by: -1 | 1) {
    if (index + by < 0 || index + by >= value.length) return;
    const next = [...value];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    onChange(next);
    setAnnouncement(`${nameOf(moved!)} is now number ${index + by + 1} of ${next.length}.`);
  }

  function remove(index: number) {
    const removed = nameOf(value[index]!);
    onChange(value.filter((_, position) => position !== index));
    setAnnouncement(`${removed} removed from ${words.place}.`);
    addRef.current?.focus();
  }

  function add() {
    if (!adding) return;
    onChange([...value, adding]);
    setAnnouncement(`${nameOf(adding)} added as number ${value.length + 1}.`);
    setAdding('');
  }

  return (
    <FieldGroup id={id} legend={words.legend} hint={words.hint} error={error}>
      {value.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{words.empty}</p>
      ) : (
        <ol className="mt-2 space-y-2">
          {value.map((chosen, index) => {
            const label = nameOf(chosen);
            const note = optionOf(chosen)?.note;
            return (
              <li
                key={chosen}
                className="flex flex-wrap items-center gap-2 rounded border border-rule bg-white px-3 py-2"
              >
                <input type="hidden" name={name} value={chosen} />
                <span className="w-6 text-sm text-muted" aria-hidden="true">
                  {index + 1}.
                </span>
                <span className="min-w-48 flex-1">
                  <span className="font-medium">{label}</span>
                  {note && <span className="block text-sm text-muted">{note}</span>}
                </span>
                <button
                  type="button"
                  className={smallButton}
                  aria-disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={`Move ${label} up`}
                >
                  Up
                </button>
                <button
                  type="button"
                  className={smallButton}
                  aria-disabled={index === value.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={`Move ${label} down`}
                >
                  Down
                </button>
                <button
                  type="button"
                  className={smallButton}
                  onClick={() => remove(index)}
                  aria-label={`Remove ${label}`}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {!full && (
        <div className="mt-3 flex flex-wrap items-end gap-2">
          <div className="min-w-0 max-w-full">
            <label htmlFor={`${id}-add`} className="block text-sm font-semibold">
              {words.addLabel}
            </label>
            <select
              id={`${id}-add`}
              ref={addRef}
              value={adding}
              onChange={(event) => setAdding(event.target.value)}
              className="mt-1 w-full max-w-xl rounded border border-rule bg-white px-3 py-2"
            >
              <option value="">{words.choose}</option>
              {available.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.note ? `${option.name} (${option.note})` : option.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            onClick={add}
            disabled={!adding}
            className="rounded border border-navy px-3 py-2 font-semibold text-navy disabled:opacity-40"
          >
            {words.addButton}
          </button>
        </div>
      )}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </FieldGroup>
  );
}
