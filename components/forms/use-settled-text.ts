import { useEffect, useRef, useState } from 'react';

/**
 * A text for a live region, given once it has stopped changing for a moment, so that a screen
 * reader hears where the donor's typing ends up rather than every keystroke. The first text
 * given is what the page already shows, so it is not announced.
 */
export function useSettledText(text: string | null, delayMs = 800): string {
  const [settled, setSettled] = useState('');
  const first = useRef<string | null>(null);
  useEffect(() => {
    if (text === null) return;
    if (first.current === null) {
      first.current = text;
      return;
    }
    const timer = setTimeout(() => setSettled(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  return settled;
}
