'use client';

import { useEffect, useRef } from 'react';

// Tailwind's `sm` breakpoint, from which the filters always show.
const wide = '(min-width: 40rem)';

interface Props {
  label: string;
  defaultOpen: boolean;
  children: React.ReactNode;
}

/**
 * The search filters behind a "Filters" button on a phone, so the results come first; from
 * `sm` up they always show. A <details>, so the button works without JavaScript; CSS shows the
 * closed content on wide screens, and the script opens it there too, so assistive technology
 * is told the same as the eye.
 */
export function FiltersDisclosure({ label, defaultOpen, children }: Props) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const query = window.matchMedia(wide);
    const openWhenWide = () => {
      if (query.matches && details.current) details.current.open = true;
    };
    openWhenWide();
    query.addEventListener('change', openWhenWide);
    return () => query.removeEventListener('change', openWhenWide);
  }, []);
  return (
    <details
      ref={details}
      open={defaultOpen}
      className="group mt-3 sm:mt-4 sm:details-content:[content-visibility:visible]"
    >
      <summary className="inline-flex cursor-pointer list-none items-center gap-2 rounded border border-rule px-3 py-1.5 text-sm font-semibold text-navy hover:bg-paper sm:hidden [&::-webkit-details-marker]:hidden">
        {label}
        <span aria-hidden="true" className="group-open:rotate-180">
          ▾
        </span>
      </summary>
      {children}
    </details>
  );
}
