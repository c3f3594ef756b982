import { useId } from 'react';

interface Props extends React.InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  error?: string;
  hint?: string;
}

/** A labelled input with its hint and error tied to it for assistive technology. */
export function Field({ name, label, error, hint, ...input }: Props) {
  // Unique per page, so two forms on one page may both have an e-mail field.
  const id = `field-${name}${useId().replace(/:/g, '')}`;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`mt-1 block w-full rounded border bg-white px-3 py-2 text-ink ${error ? 'border-accent' : 'border-rule'}`}
        {...input}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-accent-dark">
          {error}
        </p>
      )}
    </div>
  );
}
