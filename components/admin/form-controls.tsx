import type { ReactNode } from 'react';

interface Described {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

const controlClass = (error?: string) =>
  `mt-1 block w-full rounded border bg-white px-3 py-2 text-ink ${error ? 'border-accent' : 'border-rule'}`;

/** The ids of a control's hint and error, for aria-describedby. */
function describedBy(id: string, hint?: ReactNode, error?: string) {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

function Frame({ id, label, hint, error, children }: Described & { children: ReactNode }) {
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
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** An error tied to the control `id` describes; it says what to do, not only what is wrong. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-accent-dark">
      {error}
    </p>
  );
}

type InputProps = Described & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function TextInput({ id, label, hint, error, className, ...input }: InputProps) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${controlClass(error)} ${className ?? ''}`}
        {...input}
      />
    </Frame>
  );
}

type TextAreaProps = Described & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextArea({ id, label, hint, error, className, ...textarea }: TextAreaProps) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${controlClass(error)} ${className ?? ''}`}
        {...textarea}
      />
    </Frame>
  );
}

type SelectProps = Described &
  Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
    options: { value: string; label: string }[];
  };

export function SelectInput({ id, label, hint, error, options, ...select }: SelectProps) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <select
        // A form action resets the form to its defaults afterwards, and a select keeps the default
        // it was first given: a new element takes the value the form sends back.
        key={String(select.defaultValue)}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={controlClass(error)}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A fieldset whose legend names the group, with its hint and error read along with it. */
export function FieldGroup({
  id,
  legend,
  hint,
  error,
  children,
  className,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <fieldset
      id={id}
      aria-describedby={describedBy(id, hint, error)}
      className={`rounded border border-rule p-4 ${className ?? ''}`}
    >
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
      {children}
    </fieldset>
  );
}
