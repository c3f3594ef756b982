'use client';

import { useEffect, useRef, useState } from 'react';

const debounceMs = 400;

/**
 * The body as readers will see it, rendered on the server by the public page's own Markdown
 * renderer and sanitiser (POST /admin/articles/preview) a moment after typing stops. What comes
 * back is already sanitised HTML, so it is shown as it is.
 */
export function MarkdownPreview({
  markdown,
  initialHtml,
}: {
  markdown: string;
  initialHtml: string;
}) {
  const [preview, setPreview] = useState({
    html: initialHtml,
    error: null as string | null,
    for: markdown,
  });
  const shownFor = useRef(markdown);

  useEffect(() => {
    if (markdown === shownFor.current) return;
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      let error: string;
      try {
        const response = await fetch('/admin/articles/preview', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ markdown }),
          signal: controller.signal,
        });
        const data = (await response.json().catch(() => ({}))) as { html?: string; error?: string };
        if (response.ok && typeof data.html === 'string') {
          shownFor.current = markdown;
          setPreview({ html: data.html, error: null, for: markdown });
          return;
        }
        error = data.error ?? `The preview could not be made (error ${response.status}).`;
      } catch (failure) {
        if (controller.signal.aborted) return;
        error = `The preview could not be made: ${(failure as Error).message}.`;
      }
      setPreview((shown) => ({ ...shown, error: `${error} Your text is safe in the form.` }));
    }, debounceMs);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [markdown]);

  const stale = preview.for !== markdown;
  return (
    <div className="flex flex-col">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="preview-heading" className="text-sm font-semibold">
          Preview
        </h2>
        <p className="text-xs text-muted" aria-hidden="true">
          {preview.error ? 'Not updated' : stale ? 'Updating…' : 'Up to date'}
        </p>
      </div>
      {preview.error && (
        <p className="mt-1 text-sm font-medium text-accent-dark" role="alert">
          {preview.error}
        </p>
      )}
      <div
        role="region"
        aria-labelledby="preview-heading"
        aria-busy={stale}
        data-testid="article-preview"
        // Focusable so keyboard users can scroll a long preview.
        tabIndex={0}
        className="article-body mt-1 max-h-[40rem] min-h-64 overflow-y-auto rounded border border-rule bg-white p-4"
        dangerouslySetInnerHTML={{ __html: preview.html }}
      />
    </div>
  );
}
