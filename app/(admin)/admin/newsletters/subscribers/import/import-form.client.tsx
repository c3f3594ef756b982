'use client';

import Link from 'next/link';
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { TextInput } from '@/components/admin/form-controls';
import { FormMessages } from '@/components/admin/form-messages.client';
import type { ImportCounts } from '@/lib/newsletters/subscriber-import';
import { importSubscribersAction, type ImportState } from './actions';

const ids = { file: 'import-file' };
const number = (n: number) => n.toLocaleString('en-GB');
const megabytes = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

// Each count with what it means; those that are often nought are shown only when they are not.
const countLines: { key: keyof ImportCounts; label: string; always?: boolean }[] = [
  { key: 'added', label: 'New subscriptions', always: true },
  { key: 'updated', label: 'Updated (unsubscribed, or a pending one confirmed)', always: true },
  { key: 'unchanged', label: 'Unchanged', always: true },
  { key: 'keptUnsubscribed', label: 'Kept unsubscribed, as the person chose', always: true },
  { key: 'retired', label: 'Left out: the newsletter is retired' },
  { key: 'suppressed', label: 'On the suppression list: imported, and still sent nothing' },
  { key: 'problems', label: 'Lines with a problem', always: true },
];

function Counts({ counts }: { counts: ImportCounts }) {
  return (
    <dl className="mt-4 grid max-w-xl grid-cols-[1fr_auto] gap-x-6 gap-y-1">
      {countLines
        .filter((line) => line.always || counts[line.key] > 0)
        .map((line) => (
          <div key={line.key} className="contents">
            <dt>{line.label}</dt>
            <dd className="text-right font-semibold tabular-nums">{number(counts[line.key])}</dd>
          </div>
        ))}
    </dl>
  );
}

/**
 * Choosing a file, previewing what it would do, then importing it. Sent by hand rather than as
 * the form's action, so the chosen file stays chosen for the import after its preview.
 */
export function ImportForm({ maxBytes, maxRows }: { maxBytes: number; maxRows: number }) {
  const [state, dispatch, pending] = useActionState<ImportState, FormData>(
    importSubscribersAction,
    { errors: {} },
  );
  // A preview is of the file chosen when it was asked for, and of no other.
  const [current, setCurrent] = useState(true);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const outcome = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (state.result?.applied) form.current?.reset();
    if (state.result) outcome.current?.focus();
  }, [state]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    const file = data.get('file');
    // Checked here too: the server refuses a request far larger before the action can explain.
    if (file instanceof File && file.size > maxBytes) {
      setTooBig(
        `The file is larger than ${megabytes(maxBytes)}: split it into smaller files. This one is ${megabytes(file.size)}.`,
      );
      return;
    }
    setTooBig(null);
    setCurrent(true);
    startTransition(() => dispatch(data));
  }

  const errors = tooBig ? { file: tooBig } : state.errors;
  const result = current && !tooBig ? state.result : undefined;
  const hidden = result ? result.counts.problems - result.problems.length : 0;
  return (
    <form ref={form} onSubmit={submit} noValidate className="mt-8 space-y-6">
      <FormMessages
        message={Object.keys(errors).length ? 'Nothing was imported.' : undefined}
        errors={errors}
        fieldIds={ids}
      />
      <div className="max-w-xl rounded border border-rule bg-white p-6">
        <TextInput
          id={ids.file}
          name="file"
          type="file"
          accept=".csv,text/csv"
          label="CSV file"
          hint={`Saved as UTF-8, up to ${megabytes(maxBytes)} and ${number(maxRows)} rows.`}
          required
          error={errors.file}
          onChange={() => setCurrent(false)}
        />
        <button
          type="submit"
          name="intent"
          value="preview"
          disabled={pending}
          className="mt-4 rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep disabled:opacity-60"
        >
          {pending ? 'Reading the file…' : 'Preview the import'}
        </button>
      </div>

      {result?.applied && (
        <section aria-labelledby="import-done" className="rounded border border-navy bg-white p-6">
          <h2 ref={outcome} id="import-done" tabIndex={-1} className="font-serif text-2xl">
            Imported {state.fileName}
          </h2>
          <Counts counts={result.counts} />
          <p className="mt-4">
            <Link href="/admin/newsletters/subscribers" className="text-navy underline">
              See the subscribers
            </Link>
          </p>
        </section>
      )}

      {result && !result.applied && (
        <section
          aria-labelledby="import-preview"
          className="rounded border border-rule bg-white p-6"
        >
          <h2 ref={outcome} id="import-preview" tabIndex={-1} className="font-serif text-2xl">
            What {state.fileName} would do
          </h2>
          <p className="mt-2 text-muted">
            {number(result.counts.rows)} {result.counts.rows === 1 ? 'row' : 'rows'}. Nothing has
            been imported yet.
          </p>
          <Counts counts={result.counts} />
          {result.counts.problems > 0 ? (
            <div className="mt-6">
              <p role="alert" className="font-semibold text-accent-dark">
                {result.counts.problems === 1
                  ? 'One line needs'
                  : `${number(result.counts.problems)} lines need`}{' '}
                attention. Nothing can be imported until the file is put right and previewed again.
              </p>
              <table className="mt-3 w-full max-w-3xl text-left text-sm">
                <caption className="sr-only">Problems by line</caption>
                <thead>
                  <tr className="border-b-2 border-ink">
                    <th scope="col" className="py-1 pr-4">
                      Line
                    </th>
                    <th scope="col" className="py-1">
                      Problem
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.problems.map((problem) => (
                    <tr key={problem.line} className="border-b border-rule align-top">
                      <td className="py-1 pr-4 tabular-nums">{problem.line}</td>
                      <td className="py-1 break-words">{problem.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {hidden > 0 && (
                <p className="mt-2 text-sm text-muted">And {number(hidden)} more lines.</p>
              )}
            </div>
          ) : (
            <div className="mt-6 flex flex-wrap items-center gap-4">
              <input type="hidden" name="hash" value={result.hash} />
              <button
                type="submit"
                name="intent"
                value="import"
                disabled={pending}
                className="rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep disabled:opacity-60"
              >
                {pending
                  ? 'Importing…'
                  : `Import ${number(result.counts.rows)} ${result.counts.rows === 1 ? 'row' : 'rows'}`}
              </button>
              <p className="text-sm text-muted">
                The file is read and checked again as it is imported.
              </p>
            </div>
          )}
        </section>
      )}
    </form>
  );
}
