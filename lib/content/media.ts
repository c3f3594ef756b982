/** The public URL of a stored file. Files kept under public/ are served from the site root. */
export function mediaUrl(storageKey: string): string {
  return `/${storageKey.replace(/^\/+/, '')}`;
}
