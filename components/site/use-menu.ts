import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

const unchanging = () => () => {};

/**
 * The phone menu's disclosure: open until the reader presses it again, presses Escape (which
 * returns focus to it), presses anywhere outside the header, or goes to another page.
 * `enhanced` is false in the server's HTML and until the page's script runs: the menu is then a
 * link to itself, opened by CSS (:target), so that the sections can be reached without script.
 */
export function useMenu() {
  const pathname = usePathname();
  const enhanced = useSyncExternalStore(
    unchanging,
    () => true,
    () => false,
  );
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      buttonRef.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!areaRef.current?.contains(event.target as Node)) setOpenOn(null);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return {
    enhanced,
    open,
    toggle: () => setOpenOn(open ? null : pathname),
    close: () => setOpenOn(null),
    buttonRef,
    areaRef,
  };
}
