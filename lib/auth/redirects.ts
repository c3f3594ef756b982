/**
 * A callbackUrl is honoured only as a path on this site: anything with a scheme, a host, a
 * protocol-relative start or a backslash (which browsers read as a slash) falls back.
 */
export function safeCallbackPath(value: unknown, fallback = '/account'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const url = new URL(value, 'http://site.invalid');
    if (url.origin !== 'http://site.invalid') return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
