'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';

interface Props {
  /** The element whose text is copied; it stays on the page, selectable, without any script. */
  sourceId: string;
  label: string;
  /** Said after the label to screen readers, when several buttons share one visible label. */
  context?: string;
  className?: string;
}

type Outcome = 'copied' | 'refused' | null;

const messages: Record<Exclude<Outcome, null>, string> = {
  copied: 'Copied',
  refused: 'Copying was not allowed: the text is selected, press Ctrl+C (⌘C on a Mac) to copy it',
};

const noSubscription = () => () => {};

/**
 * A button that copies an element's text to the clipboard. Without JavaScript it does not exist,
 * so no dead button is shown; where the browser refuses the clipboard, the text is selected for
 * the reader to copy with the keyboard.
 */
export function CopyButton({ sourceId, label, context, className = '' }: Props) {
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [outcome, setOutcome] = useState<Outcome>(null);
  useEffect(() => {
    if (outcome !== 'copied') return;
    const timer = setTimeout(() => setOutcome(null), 5000);
    return () => clearTimeout(timer);
  }, [outcome]);

  async function copy() {
    const source = document.getElementById(sourceId);
    if (!source) return;
    setOutcome(null);
    try {
      await navigator.clipboard.writeText(source.textContent ?? '');
      setOutcome('copied');
    } catch {
      window.getSelection()?.selectAllChildren(source);
      setOutcome('refused');
    }
  }

  if (!scripted) return null;
  return (
    <span className={`inline-flex flex-wrap items-center gap-x-3 gap-y-1 ${className}`}>
      <button
        type="button"
        onClick={copy}
        className="rounded border border-rule bg-white px-3 py-1 text-sm font-medium text-navy hover:bg-paper"
      >
        {label}
        {context && <span className="sr-only"> ({context})</span>}
      </button>
      <span role="status" className="text-sm text-muted">
        {outcome && messages[outcome]}
      </span>
    </span>
  );
}
