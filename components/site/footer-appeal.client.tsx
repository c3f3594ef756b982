'use client';

import { usePathname } from 'next/navigation';

// The donation form is the appeal, the page that thanks a donor asks for nothing more, and
// staff at work are not asked for a gift. One root layout serves every page, so the footer
// reads the address rather than being told by a layout of its own.
const placesWithoutAppeal = ['/support', '/admin'];

interface Props {
  children: React.ReactNode;
  /** What stands in the appeal's place where it is left out. */
  instead: React.ReactNode;
}

export function FooterAppeal({ children, instead }: Props) {
  const pathname = usePathname();
  const leftOut = placesWithoutAppeal.some(
    (place) => pathname === place || pathname.startsWith(`${place}/`),
  );
  return leftOut ? instead : children;
}
