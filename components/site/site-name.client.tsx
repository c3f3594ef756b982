'use client';

import { createContext, useContext } from 'react';

const SiteName = createContext('');

/** The site's name, from the server's configuration, for client components such as app/error. */
export function SiteNameProvider({ name, children }: { name: string; children: React.ReactNode }) {
  return <SiteName value={name}>{children}</SiteName>;
}

export function useSiteName(): string {
  return useContext(SiteName);
}
