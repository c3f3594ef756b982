import { getSiteConfig } from '@/lib/config/site';

export interface EmailContent {
  heading: string;
  paragraphs: string[];
  /** A button in the HTML part, the label and bare URL in the text part. */
  action?: { label: string; url: string };
  /** A short code to type in, shown large. */
  code?: string;
  /** Why the reader got this e-mail, above the site's name. */
  footer?: string;
}

const font = "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";
const colours = { ink: '#16202a', muted: '#4b5563', paper: '#fbfaf7', rule: '#d9d4c7' };
const accent = '#a3231f';

/** Both parts of an e-mail from plain content; every string is escaped in the HTML part. */
export function renderEmail(content: EmailContent): { text: string; html: string } {
  if (content.action) assertAbsoluteUrl(content.action.url);
  const site = getSiteConfig();
  return { text: renderText(content, site), html: renderHtml(content, site) };
}

// A relative link means nothing in a mail client, and only web links belong in a button.
function assertAbsoluteUrl(url: string): void {
  const protocol = URL.canParse(url) ? new URL(url).protocol : undefined;
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new Error(`E-mail links must be absolute http(s) URLs (got "${url}")`);
  }
}

type Site = { name: string; url: string };

function renderText({ heading, paragraphs, action, code, footer }: EmailContent, site: Site) {
  const blocks = [heading, ...paragraphs];
  if (action) blocks.push(`${action.label}:\n${action.url}`);
  if (code) blocks.push(`    ${code}`);
  // "-- " opens a signature, which mail clients show dimmed.
  blocks.push(['-- ', footer, `${site.name} · ${site.url}`].filter(Boolean).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function renderHtml({ heading, paragraphs, action, code, footer }: EmailContent, site: Site) {
  const text = `margin:0 0 16px;font:16px/1.5 ${font};color:${colours.ink}`;
  const rows = [
    `<h1 style="margin:0 0 20px;font:bold 24px/1.3 ${font};color:${colours.ink}">${escapeHtml(heading)}</h1>`,
    ...paragraphs.map((paragraph) => `<p style="${text}">${escapeHtml(paragraph)}</p>`),
  ];
  if (action) {
    rows.push(
      `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 24px;border-radius:4px;background:${accent};color:#ffffff;font:bold 16px/1.2 ${font};text-decoration:none">${escapeHtml(action.label)}</a></p>`,
      `<p style="margin:0 0 16px;font:13px/1.5 ${font};color:${colours.muted};word-break:break-all">${escapeHtml(action.url)}</p>`,
    );
  }
  if (code) {
    rows.push(
      `<p style="margin:24px 0;font:bold 32px/1.2 Menlo, Consolas, 'Courier New', monospace;letter-spacing:4px;color:${colours.ink}">${escapeHtml(code)}</p>`,
    );
  }
  const siteLink = `<a href="${escapeHtml(site.url)}" style="color:${colours.muted}">${escapeHtml(site.name)}</a>`;
  const footerHtml = footer ? `${escapeHtml(footer)}<br>${siteLink}` : siteLink;
  return emailDocument({ title: heading, body: rows.join('\n'), footer: footerHtml });
}

/**
 * The frame every e-mail of the site shares: a centred white column on the site's paper, its
 * body above a ruled footer, in tables, which is what mail clients lay out alike. `body` and
 * `footer` are HTML, escaped by the caller; `preheader` is the line clients show after the
 * subject, hidden in the message itself.
 */
export function emailDocument({
  title,
  preheader,
  body,
  footer,
}: {
  title: string;
  preheader?: string;
  body: string;
  footer: string;
}): string {
  const hidden = preheader
    ? `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(preheader)}</div>\n`
    : '';
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body style="margin:0;padding:0;background:${colours.paper}">
${hidden}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${colours.paper}">
<tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border:1px solid ${colours.rule}">
<tr><td style="padding:28px 28px 8px">
${body}
</td></tr>
<tr><td style="padding:20px 28px;border-top:1px solid ${colours.rule};font:13px/1.5 ${font};color:${colours.muted}">
${footer}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
