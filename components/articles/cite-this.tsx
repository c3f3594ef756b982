import { CopyButton } from '@/components/ui/copy-button.client';
import type { Citations } from '@/lib/content/citation';

const styles: { key: keyof Citations; label: string }[] = [
  { key: 'apa', label: 'APA' },
  { key: 'chicago', label: 'Chicago' },
  { key: 'bibtex', label: 'BibTeX' },
];

// A click selects the whole citation (user-select: all), ready to copy, without any script; with
// it, a button copies the citation.
export function CiteThis({ citations }: { citations: Citations }) {
  return (
    <details className="no-print mt-10 rounded border border-rule bg-white px-5 py-4">
      <summary className="cursor-pointer font-semibold text-navy">Cite this</summary>
      <dl className="mt-4 space-y-4">
        {styles.map((style) => (
          <div key={style.key}>
            <dt className="text-xs font-semibold uppercase tracking-wider text-muted">
              {style.label}
            </dt>
            <dd>
              <pre
                id={`citation-${style.key}`}
                tabIndex={0}
                aria-label={`${style.label} citation`}
                className="mt-1 select-all whitespace-pre-wrap break-words rounded bg-paper p-3 font-mono text-sm text-ink"
              >
                {citations[style.key]}
              </pre>
              <CopyButton
                sourceId={`citation-${style.key}`}
                label="Copy citation"
                context={style.label}
                className="mt-2"
              />
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
