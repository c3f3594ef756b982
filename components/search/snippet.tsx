import { matchEnd, matchStart } from '@/lib/search/markers';

/**
 * Renders a snippet's marked matches as <mark>; the text itself is never parsed as HTML. A
 * passage from a publication's PDF says so, as the piece's page does not hold it.
 */
export function Snippet({ text, from }: { text: string; from: 'article' | 'pdf' }) {
  const parts: React.ReactNode[] = [];
  let rest = text;
  let key = 0;
  for (;;) {
    const start = rest.indexOf(matchStart);
    if (start === -1) break;
    const end = rest.indexOf(matchEnd, start);
    if (end === -1) break;
    parts.push(rest.slice(0, start));
    parts.push(
      <mark key={key++} className="rounded-sm bg-highlight px-0.5 text-ink">
        {rest.slice(start + 1, end)}
      </mark>,
    );
    rest = rest.slice(end + 1);
  }
  parts.push(rest.replaceAll(matchStart, '').replaceAll(matchEnd, ''));
  return (
    <p className="mt-2 font-serif text-muted">
      {from === 'pdf' && (
        <span className="font-sans text-sm font-semibold text-ink">From the PDF: </span>
      )}
      {parts}
    </p>
  );
}
