import { randomBytes } from 'node:crypto';
import type { ArticleKind, ArticleVisibility } from '@/db/schema';
import { getSiteConfig } from '@/lib/config/site';
import { articleKindLabels } from '@/lib/content/labels';
import { markdownToEmailText, markdownToPlainText, renderMarkdown } from '@/lib/content/markdown';
import { emailDocument, escapeHtml } from '@/lib/email/render';
import { formatLongDate } from '@/lib/time/london';

export interface IssuePiece {
  id: string;
  slug: string;
  kind: ArticleKind;
  title: string;
  standfirst: string;
  body: string;
  visibility: ArticleVisibility;
  publishedAt: Date | null;
  authors: string[];
}

export interface IssueContent {
  listName: string;
  subject: string;
  preheader: string;
  intro: string;
  pieces: IssuePiece[];
}

/** An issue as one reader gets it, with the links that differ per reader left as slots. */
export interface IssueTemplate {
  subject: string;
  text: string;
  html: string;
  slots: { unsubscribe: string; preferences: string };
}

// Without a single piece to give whole, each card opens a piece with this many characters.
const openingLength = 400;

/**
 * Renders an issue for readers who may read the members-only pieces in `readable` (and every
 * public piece). Each piece is a card: its title, byline and standfirst, and then, for a piece
 * the reader may read, its opening, or the whole of it when it is the issue's only piece; for a
 * piece they may not, what it takes to read it. No tracking pixel and no rewritten links: what
 * a reader opens is the page it names.
 */
export function renderIssue(content: IssueContent, readable: ReadonlySet<string>): IssueTemplate {
  const site = getSiteConfig();
  const token = randomBytes(9).toString('hex');
  const slots = { unsubscribe: `@@u${token}@@`, preferences: `@@p${token}@@` };
  const whole = content.pieces.length === 1;
  const cards = content.pieces.map((piece) => {
    const mayRead = piece.visibility === 'public' || readable.has(piece.id);
    return { piece, mayRead, url: `${site.url}/articles/${piece.slug}` };
  });
  const charity = site.charity;
  const charityLine = `${charity.name}, a registered charity (${charity.number})${charity.companyNumber ? ` and company (${charity.companyNumber})` : ''}. ${charity.address}`;
  // Not "because you subscribed": a donor may get it by the soft opt-in, having not refused it.
  const why = `You receive ${content.listName} from ${site.url.replace(/^https?:\/\//, '')}. You can stop it at any time, in one click.`;
  const joinUrl = `${site.url}/membership`;

  const textBlocks = [content.subject];
  if (content.intro.trim()) textBlocks.push(markdownToEmailText(content.intro, site.url));
  for (const { piece, mayRead, url } of cards) {
    const lines = [`${articleKindLabels[piece.kind]}${restricted(piece) ? ' · Members only' : ''}`];
    lines.push(piece.title.toUpperCase());
    if (piece.authors.length) lines.push(`By ${listNames(piece.authors)}`);
    if (piece.standfirst) lines.push('', piece.standfirst);
    if (mayRead) {
      lines.push('', whole ? markdownToEmailText(piece.body, site.url) : opening(piece));
      lines.push('', `${whole ? 'Read it on the site' : 'Continue reading'}: ${url}`);
    } else {
      lines.push('', `Members read it in full. Join or sign in: ${joinUrl}`);
    }
    textBlocks.push(lines.join('\n'));
  }
  textBlocks.push(
    [
      '-- ',
      why,
      `Unsubscribe from ${content.listName}: ${slots.unsubscribe}`,
      `Choose your newsletters: ${slots.preferences}`,
      '',
      charityLine,
    ].join('\n'),
  );

  const html = renderHtml(content, cards, { whole, why, charityLine, joinUrl, slots });
  return { subject: content.subject, text: `${textBlocks.join('\n\n')}\n`, html, slots };
}

/** One reader's message from a template: their own unsubscribe and preferences links. */
export function personalise(
  template: IssueTemplate,
  links: { unsubscribe: string; preferences: string },
): { text: string; html: string } {
  const fill = (part: string, escape: (value: string) => string) =>
    part
      .split(template.slots.unsubscribe)
      .join(escape(links.unsubscribe))
      .split(template.slots.preferences)
      .join(escape(links.preferences));
  return { text: fill(template.text, (value) => value), html: fill(template.html, escapeHtml) };
}

const restricted = (piece: IssuePiece) => piece.visibility !== 'public';

function opening(piece: IssuePiece): string {
  return markdownToPlainText(piece.body, openingLength);
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const font = "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";
const serif = "Georgia, 'Times New Roman', serif";
const colours = {
  ink: '#16202a',
  muted: '#4b5563',
  rule: '#d9d4c7',
  navy: '#1f3a5f',
  accent: '#a3231f',
};

// Mail clients drop <style> blocks and know nothing of the site's stylesheet: the rendered
// Markdown gets its looks inline, and its relative links become absolute.
function emailMarkdown(markdown: string, siteUrl: string): string {
  return renderMarkdown(markdown)
    .replace(/(href|src)="\//g, `$1="${siteUrl}/`)
    .replace(/<p>/g, `<p style="margin:0 0 16px;font:16px/1.6 ${font};color:${colours.ink}">`)
    .replace(/<(h[2-6])([^>]*)>/g, `<$1$2 style="margin:24px 0 12px;font:bold 18px/1.3 ${font}">`)
    .replace(/<(ul|ol)>/g, `<$1 style="margin:0 0 16px;padding-left:24px;font:16px/1.6 ${font}">`)
    .replace(/<a href=/g, `<a style="color:${colours.navy}" href=`)
    .replace(/<img /g, '<img style="max-width:100%;height:auto" ');
}

function renderHtml(
  content: IssueContent,
  cards: { piece: IssuePiece; mayRead: boolean; url: string }[],
  parts: {
    whole: boolean;
    why: string;
    charityLine: string;
    joinUrl: string;
    slots: { unsubscribe: string; preferences: string };
  },
): string {
  const site = getSiteConfig();
  const small = `margin:0 0 8px;font:13px/1.4 ${font};color:${colours.muted}`;
  const rows: string[] = [];
  if (content.intro.trim()) rows.push(emailMarkdown(content.intro, site.url));
  for (const { piece, mayRead, url } of cards) {
    const label = `${escapeHtml(articleKindLabels[piece.kind])}${restricted(piece) ? ` · <strong style="color:${colours.accent}">Members only</strong>` : ''}`;
    const date = piece.publishedAt ? ` · ${escapeHtml(formatLongDate(piece.publishedAt))}` : '';
    const card = [
      `<p style="${small};text-transform:uppercase;letter-spacing:1px">${label}${date}</p>`,
      `<h2 style="margin:0 0 8px;font:bold 22px/1.3 ${serif}"><a href="${escapeHtml(url)}" style="color:${colours.ink};text-decoration:none">${escapeHtml(piece.title)}</a></h2>`,
    ];
    if (piece.authors.length) {
      card.push(`<p style="${small}">By ${escapeHtml(listNames(piece.authors))}</p>`);
    }
    if (piece.standfirst) {
      card.push(
        `<p style="margin:0 0 16px;font:17px/1.5 ${serif};color:${colours.ink}">${escapeHtml(piece.standfirst)}</p>`,
      );
    }
    if (mayRead && parts.whole) {
      card.push(emailMarkdown(piece.body, site.url));
      card.push(link(url, 'Read it on the site'));
    } else if (mayRead) {
      card.push(
        `<p style="margin:0 0 16px;font:16px/1.6 ${font};color:${colours.ink}">${escapeHtml(opening(piece))}</p>`,
        link(url, 'Continue reading'),
      );
    } else {
      card.push(
        `<p style="margin:0 0 16px;font:16px/1.6 ${font};color:${colours.ink}">Members read it in full.</p>`,
        link(parts.joinUrl, 'Join or sign in to read it'),
      );
    }
    rows.push(
      `<div style="margin:0 0 24px;padding:24px 0 0;border-top:1px solid ${colours.rule}">${card.join('\n')}</div>`,
    );
  }
  const footerLink = (href: string, label: string) =>
    `<a href="${href}" style="color:${colours.muted}">${escapeHtml(label)}</a>`;
  const heading = [
    `<p style="${small}"><a href="${escapeHtml(site.url)}" style="color:${colours.navy};font-weight:bold;text-decoration:none">${escapeHtml(site.name)}</a> · ${escapeHtml(content.listName)}</p>`,
    `<h1 style="margin:8px 0 20px;font:bold 28px/1.25 ${serif};color:${colours.ink}">${escapeHtml(content.subject)}</h1>`,
  ];
  return emailDocument({
    title: content.subject,
    preheader: content.preheader,
    body: [...heading, ...rows].join('\n'),
    footer: [
      `<p style="margin:0 0 8px">${escapeHtml(parts.why)}</p>`,
      `<p style="margin:0 0 8px">${footerLink(parts.slots.unsubscribe, `Unsubscribe from ${content.listName}`)} · ${footerLink(parts.slots.preferences, 'Choose your newsletters')}</p>`,
      `<p style="margin:0">${escapeHtml(parts.charityLine)}</p>`,
    ].join('\n'),
  });
}

function link(url: string, label: string): string {
  return `<p style="margin:0 0 8px"><a href="${escapeHtml(url)}" style="font:bold 16px/1.4 ${font};color:${colours.navy}">${escapeHtml(label)} →</a></p>`;
}
