const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => entities[char]!);

/** Marks text as already-escaped HTML for `html` templates. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = string | number | SafeHtml | null | undefined | false | Part[];

const renderPart = (part: Part): string =>
  Array.isArray(part)
    ? part.map(renderPart).join('')
    : part instanceof SafeHtml
      ? part.value
      : part === null || part === undefined || part === false
        ? ''
        : escapeHtml(String(part));

/** A template tag that escapes every interpolated value unless it is SafeHtml. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  parts.forEach((part, index) => {
    out += renderPart(part) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

export function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <style>
          body {
            font-family: system-ui, sans-serif;
            margin: 0;
            background: #f6f9fc;
            color: #1a1f36;
          }
          main {
            max-width: 32rem;
            margin: 2rem auto;
            padding: 1.5rem;
            background: #fff;
            border-radius: 8px;
          }
          .test-mode {
            display: inline-block;
            padding: 0.1rem 0.5rem;
            background: #ffde92;
            border-radius: 4px;
            font-size: 0.8rem;
          }
          button {
            font: inherit;
            padding: 0.6rem 1.2rem;
            background: #0a2540;
            color: #fff;
            border: 0;
            border-radius: 6px;
            cursor: pointer;
          }
          button:focus-visible,
          a:focus-visible,
          input:focus-visible {
            outline: 3px solid #635bff;
            outline-offset: 2px;
          }
          ul {
            padding-left: 1.2rem;
          }
          .field {
            margin: 1rem 0;
          }
          a {
            color: #533afd;
          }
        </style>
      </head>
      <body>
        <main>
          <p class="test-mode">Test mode: no real money moves</p>
          ${body}
        </main>
      </body>
    </html> `.value;
}
