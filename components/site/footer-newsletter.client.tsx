'use client';

import { usePathname } from 'next/navigation';

// Pages with a form of their own that asks for the reader's address (logging in, joining, the
// account, giving, the newsletters' own pages) would otherwise show two e-mail fields, and staff
// at work are not asked to subscribe. One root layout serves every page, so the footer reads the address.
const placesWithoutSignup = [
  '/admin',
  '/account',
  '/login',
  '/join',
  '/verify-email',
  '/forgot-password',
  '/reset-password',
  '/confirm-email',
  '/undo-email-change',
  '/support',
  '/membership',
  '/newsletters',
];

export function FooterNewsletter({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  const leftOut = placesWithoutSignup.some(
    (place) => pathname === place || pathname.startsWith(`${place}/`),
  );
  return leftOut ? null : children;
}
