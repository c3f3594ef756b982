'use client';

import { useEffect, useRef } from 'react';

/** Messages after a save: what went wrong, linked to the fields, or what was done. */
export function FormMessages({
  message,
  errors,
  fieldIds,
  success,
}: {
  message?: string;
  errors: Record<string, string>;
  fieldIds?: Record<string, string>;
  success?: boolean;
}) {
  const alert = useRef<HTMLDivElement>(null);
  // Each refused save moves the focus to its messages, so they are seen and read out at once,
  // wherever on a long form the button was.
  useEffect(() => {
    alert.current?.focus();
  }, [errors, message]);
  const listed = Object.entries(errors).filter(([field]) => field !== 'form');
  if (success && message) {
    return (
      <p role="status" className="rounded border border-navy bg-white px-4 py-3 text-navy">
        {message}
      </p>
    );
  }
  if (!message && !errors.form && listed.length === 0) return null;
  return (
    <div
      ref={alert}
      role="alert"
      tabIndex={-1}
      className="rounded border border-accent bg-white px-4 py-3 text-accent-dark"
    >
      {message && <p className="font-semibold">{message}</p>}
      {errors.form && <p>{errors.form}</p>}
      {listed.length > 0 && fieldIds && (
        <ul className="mt-2 list-disc pl-6">
          {listed.map(([field, error]) => (
            <li key={field}>
              <a href={`#${fieldIds[field] ?? field}`} className="underline">
                {error}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
