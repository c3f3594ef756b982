'use client';

import { useRef, useState } from 'react';
import { FieldGroup } from '@/components/admin/form-controls';

interface Option {
  id: string;
  name: string;
}

interface Props {
  id: string;
  experts: Option[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}

// aria-disabled rather than disabled, so a button that reaches the end keeps the focus; greyed
// without opacity, which would take its text below readable contrast.
const smallButton =
  'rounded border border-navy px-2 py-1 text-xs font-semibold text-navy aria-disabled:border-rule aria-disabled:text-muted';

/** The byline: experts added from a list, in the order readers will see them. */
export function AuthorPicker({ id, experts, value, onChange, error }: Props) {
  const [announcement, setAnnouncement] = useState('');
  const [adding, setAdding] = useState('');
  const addRef = useRef<HTMLSelectElement>(null);
  const nameOf = (expertId: string) =>
    experts.find((expert) => expert.id === expertId)?.name ?? 'An expert no longer listed';
  const available = experts.filter((expert) => !value.includes(expert.id));

  function move(index: number, by: -1 | 1) {
    if (index + by < 0 || index + by >= value.length) return;
    const next = [...value];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    onChange(next);
    setAnnouncement(`${nameOf(moved!)} is now number ${index + by + 1} of ${next.length}.`);
  }

  function remove(index: number) {
    const name = nameOf(value[index]!);
    onChange(value.filter((_, position) => position !== index));
    setAnnouncement(`${name} removed from the byline.`);
    addRef.current?.focus();
  }

  function add() {
    if (!adding) return;
    onChange([...value, adding]);
    setAnnouncement(`${nameOf(adding)} added as number ${value.length + 1}.`);
    setAdding('');
  }

  return (
    <FieldGroup
      id={id}
      legend="Authors, in byline order"
      hint="At least one. The first named leads the byline."
      error={error}
    >
      {value.length === 0 ? (
        <p className="mt-2 text-sm text-muted">No authors yet.</p>
      ) : (
        <ol className="mt-2 space-y-2">
          {value.map((expertId, index) => {
            const name = nameOf(expertId);
            return (
              <li
                key={expertId}
                className="flex flex-wrap items-center gap-2 rounded border border-rule bg-white px-3 py-2"
              >
                <input type="hidden" name="authorIds" value={expertId} />
                <span className="w-6 text-sm text-muted" aria-hidden="true">
                  {index + 1}.
                </span>
                <span className="flex-1 font-medium">{name}</span>
                <button
                  type="button"
                  className={smallButton}
                  aria-disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={`Move ${name} up`}
                >
                  Up
                </button>
                <button
                  type="button"
                  className={smallButton}
                  aria-disabled={index === value.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={`Move ${name} down`}
                >
                  Down
                </button>
                <button
                  type="button"
                  className={smallButton}
                  onClick={() => remove(index)}
                  aria-label={`Remove ${name}`}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <div className="mt-3 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={`${id}-add`} className="block text-sm font-semibold">
            Add an author
          </label>
          <select
            id={`${id}-add`}
            ref={addRef}
            value={adding}
            onChange={(event) => setAdding(event.target.value)}
            className="mt-1 rounded border border-rule bg-white px-3 py-2"
          >
            <option value="">Choose an expert…</option>
            {available.map((expert) => (
              <option key={expert.id} value={expert.id}>
                {expert.name}
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
          Add to byline
        </button>
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </FieldGroup>
  );
}
