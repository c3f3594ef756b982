const probeOrigin = 'http://site.invalid';

/**
 * A callbackUrl is honoured only as a path on this site. The value is first normalised as a
 * browser would resolve it (dot segments, percent-encoded dots, tabs and newlines removed), and
 * the checks apply to what is returned: "/..//evil.example" normalises to "//evil.example",
 * which a browser reads as another host, so it falls back.
 */
export function safeCallbackPath(value: unknown, fallback = '/account'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  if (!value.startsWith('/') || /[\u0000-\u001f\u007f]/.test(value)) return fallback;
  let path: string;
  try {
    const url = new URL(value, probeOrigin);
    if (url.origin !== probeOrigin) return fallback;
    path = `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
  return isSitePath(path) ? path : fallback;
}

// A path that stays on this site however it is resolved: rooted, neither protocol-relative nor
// with a backslash (which browsers read as a slash), and already in normal form.
function isSitePath(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return false;
  try {
    const again = new URL(path, probeOrigin);
    return again.origin === probeOrigin && `${again.pathname}${again.search}${again.hash}` === path;
  } catch {
    return false;
  }
}

/**
 * A page to come back to after joining or following an e-mailed link: the value when
 * safeCallbackPath accepts it, and nothing otherwise, so that the flow's own landing applies.
 */
export function safeReturnPath(value: unknown): string | undefined {
  return safeCallbackPath(value, '') || undefined;
}

// The pages of signing in and joining themselves: logging in from one of them returns nowhere.
const accountJourney =
  /^\/(?:login|join|forgot-password|reset-password|verify-email|undo-email-change)(?:\/|$)/;

/** The log-in page, asked to bring the reader back to `path` afterwards where that makes sense. */
export function logInPath(path: string): string {
  // A signed-in reader's article is rendered at /members-view (proxy.ts); its address is /articles.
  const back = safeReturnPath(path.replace(/^\/members-view\//, '/articles/'));
  if (!back || back === '/' || accountJourney.test(back)) return '/login';
  return `/login?callbackUrl=${encodeURIComponent(back)}`;
}
