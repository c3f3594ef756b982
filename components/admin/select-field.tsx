import { useId } from 'react';

interface Props extends React.SelectHTMLAttributes<HTMLSelectElement> {
  name: string;
  label: string;
  options: readonly (readonly [value: string, label: string])[];
  error?: string;
}

/** A labelled select with its error tied to it for assistive technology. */
export function SelectField({ name, label, options, error, id: given, ...select }: Props) {
  const generated = `select-${name}${useId().replace(/:/g, '')}`;
  const id = given ?? generated;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <select
        // Remade when the form sends back another value: see SelectInput.
        key={String(select.defaultValue)}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`mt-1 block w-full rounded border bg-white px-3 py-2 text-ink ${error ? 'border-accent' : 'border-rule'}`}
        {...select}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-accent-dark">
          {error}
        </p>
      )}
    </div>
  );
}
