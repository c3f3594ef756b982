/**
 * The page proxy.ts answers with, status 503, when a page needs the database and it is out of
 * reach. Self-contained HTML: rendering it must not depend on anything that may be down, and it
 * runs no script, so the page's Content-Security-Policy needs no nonce for it.
 */
export interface UnavailablePage {
  siteName: string;
  /** What cannot be done just now, in the visitor's terms. */
  what: string;
  retryAfterSeconds: number;
}

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

/** What a path offers, for the sentence that says it is unavailable. */
export function describePath(pathname: string): string {
  if (pathname.startsWith('/search')) return 'Search';
  if (pathname.startsWith('/support')) return 'Giving online';
  if (pathname.startsWith('/admin')) return 'The editors’ area';
  if (
    /^\/(login|join|forgot-password|reset-password|verify-email|confirm-email|undo-email-change)/.test(
      pathname,
    )
  ) {
    return 'Signing in and joining';
  }
  return 'Your account';
}

export function unavailablePageHtml({ siteName, what, retryAfterSeconds }: UnavailablePage) {
  const minutes = Math.max(1, Math.round(retryAfterSeconds / 60));
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Temporarily unavailable · ${escape(siteName)}</title>
<style>
body{margin:0;background:#fbfaf7;color:#111827;font:1.0625rem/1.6 system-ui,sans-serif}
header{background:#0f2a44;color:#fff;padding:1rem 1.5rem;font-weight:600}
header a{color:#fff;text-decoration:none}
main{max-width:40rem;margin:0 auto;padding:4rem 1.5rem}
h1{font-family:Georgia,serif;font-size:2rem;line-height:1.2;margin:0 0 1rem}
.kicker{color:#a3231f;font-size:.875rem;font-weight:600;letter-spacing:.05em;text-transform:uppercase}
p{color:#4b5563}
a{color:#a3231f}
a:focus-visible{outline:3px solid #a3231f;outline-offset:2px}
</style>
</head>
<body>
<header><a href="/">${escape(siteName)}</a></header>
<main id="main">
<p class="kicker">Temporarily unavailable</p>
<h1>${escape(what)} is unavailable for a moment</h1>
<p>Part of our system is not answering, and we are bringing it back. Nothing you have done is lost. Please try again in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.</p>
<p>Our published analysis is still available: <a href="/">go to the home page</a>.</p>
</main>
</body>
</html>
`;
}
