'use client';

import { useState } from 'react';

interface Version {
  html: string;
  text: string;
}

const widths = { desktop: 'Desktop', phone: 'Phone (390 px)' } as const;
type Width = keyof typeof widths;

function Choice<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
      <legend className="sr-only">{legend}</legend>
      {(Object.entries(options) as [T, string][]).map(([key, label]) => (
        <label key={key} className="flex items-center gap-2">
          <input
            type="radio"
            name={name}
            value={key}
            checked={value === key}
            onChange={() => onChange(key)}
            className="h-4 w-4 accent-navy"
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The issue as it will arrive, rendered by the sender's own code: for a member and, when it has
 * members-only pieces, for everyone else; at a desktop width and a phone's. The frame runs no
 * script, and its links open in a new tab.
 */
export function IssuePreview({
  member,
  reader,
  subject,
}: {
  member: Version;
  reader: Version | null;
  subject: string;
}) {
  const [as, setAs] = useState<'member' | 'reader'>('member');
  const [width, setWidth] = useState<Width>('desktop');
  const shown = as === 'reader' && reader ? reader : member;
  const who = reader
    ? as === 'member'
      ? 'as a member gets it'
      : 'as someone who is not a member gets it'
    : 'as every subscriber gets it';
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-x-8 gap-y-2 rounded border border-rule bg-white px-4 py-3">
        {reader && (
          <Choice
            legend="Whose copy"
            name="preview-as"
            options={{ member: 'As a member', reader: 'As a non-member' }}
            value={as}
            onChange={setAs}
          />
        )}
        <Choice
          legend="Screen width"
          name="preview-width"
          options={widths}
          value={width}
          onChange={setWidth}
        />
      </div>
      <div className="overflow-x-auto rounded border border-rule bg-paper p-2">
        <iframe
          title={`Preview of “${subject}” ${who}`}
          srcDoc={shown.html}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          className="mx-auto block h-[56rem] border-0 bg-white"
          style={{ width: width === 'phone' ? 390 : '100%' }}
        />
      </div>
      <details className="rounded border border-rule bg-white px-4 py-3">
        <summary className="cursor-pointer font-semibold">The plain-text part</summary>
        <pre className="mt-3 overflow-x-auto text-sm whitespace-pre-wrap">{shown.text}</pre>
      </details>
    </div>
  );
}
