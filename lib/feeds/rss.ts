export interface RssItem {
  title: string;
  url: string;
  /** Defaults to url; isPermaLink="true" only when guid === url. */
  guid?: string;
  publishedAt: Date;
  /** Plain text, shown by readers as the item's description. */
  summary: string;
  /** Full HTML body, sent as content:encoded. */
  contentHtml?: string;
  authors: string[];
  categories?: string[];
  /** Sent as an <enclosure>; a site-relative URL is resolved against the feed's siteUrl. */
  imageUrl?: string;
  /** MIME type of the image; guessed from the file extension when left out. */
  imageType?: string;
}

export interface RssFeed {
  title: string;
  description: string;
  /** Home page of the site, without a trailing slash. */
  siteUrl: string;
  /** Absolute URL of this feed. */
  feedUrl: string;
  /** Defaults to 'en-gb'. */
  language?: string;
  /** Defaults to the newest item's date; left out for an empty feed. */
  updatedAt?: Date;
  items: RssItem[];
}

const namespaces = [
  'xmlns:atom="http://www.w3.org/2005/Atom"',
  'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
].join(' ');

const imageTypes: Record<string, string> = {
  avif: 'image/avif',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

// XML 1.0 §2.2 forbids these outright (C0 controls, lone surrogates, U+FFFE/FFFF) or
// discourages them (DEL, C1 controls); a single one can make a reader reject the whole feed.
const notXmlChar = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

// Parsers turn a raw CR into LF, and tab or LF in an attribute into a space; references survive.
const xmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\t': '&#9;',
  '\n': '&#10;',
};

function escapeXml(text: string): string {
  return text.replace(notXmlChar, '').replace(/[&<>"'\r]/g, (char) => xmlEntities[char] ?? char);
}

function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/[\t\n]/g, (char) => xmlEntities[char] ?? char);
}

// Readers render <description> as HTML, so plain text is escaped once as HTML, then as XML.
function plainTextAsHtml(text: string): string {
  return text.replace(/[&<>]/g, (char) => xmlEntities[char] ?? char);
}

function cdata(html: string): string {
  const safe = html.replace(notXmlChar, '').replaceAll(']]>', ']]]]><![CDATA[>');
  return `<![CDATA[${safe}]]>`;
}

function rfc822(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Feed dates must be valid dates');
  return date.toUTCString();
}

function element(name: string, text: string, attributes: Record<string, string> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('');
  return `<${name}${attrs}>${escapeXml(text)}</${name}>`;
}

function absoluteUrl(url: string, siteUrl: string): string {
  return new URL(url, `${siteUrl.replace(/\/+$/, '')}/`).href;
}

function enclosure(item: RssItem, siteUrl: string): string[] {
  if (!item.imageUrl) return [];
  const url = absoluteUrl(item.imageUrl, siteUrl);
  const extension = new URL(url).pathname.split('.').pop() ?? '';
  const type = item.imageType ?? imageTypes[extension.toLowerCase()];
  // An enclosure without a type is invalid RSS, so an image of unknown type is left out.
  if (!type) return [];
  // The RSS Board's best practices ask for a length of 0 when the size is unknown.
  return [`<enclosure url="${escapeAttribute(url)}" type="${escapeAttribute(type)}" length="0"/>`];
}

function renderItem(item: RssItem, siteUrl: string): string {
  const link = absoluteUrl(item.url, siteUrl);
  const guid = item.guid ?? item.url;
  const isPermaLink = guid === item.url;
  const lines = [
    element('title', item.title),
    element('link', link),
    element('guid', isPermaLink ? link : guid, { isPermaLink: String(isPermaLink) }),
    element('pubDate', rfc822(item.publishedAt)),
    ...item.authors.map((author) => element('dc:creator', author)),
    ...(item.categories ?? []).map((category) => element('category', category)),
    element('description', plainTextAsHtml(item.summary)),
    ...(item.contentHtml ? [`<content:encoded>${cdata(item.contentHtml)}</content:encoded>`] : []),
    ...enclosure(item, siteUrl),
  ];
  return ['    <item>', ...lines.map((line) => `      ${line}`), '    </item>'].join('\n');
}

function newest(items: RssItem[]): Date | undefined {
  const times = items.map((item) => item.publishedAt.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : undefined;
}

export function buildRssFeed(feed: RssFeed): string {
  const updatedAt = feed.updatedAt ?? newest(feed.items);
  const channel = [
    element('title', feed.title),
    element('link', feed.siteUrl),
    element('description', feed.description),
    element('language', feed.language ?? 'en-gb'),
    ...(updatedAt ? [element('lastBuildDate', rfc822(updatedAt))] : []),
    `<atom:link href="${escapeAttribute(feed.feedUrl)}" rel="self" type="application/rss+xml"/>`,
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss version="2.0" ${namespaces}>`,
    '  <channel>',
    ...channel.map((line) => `    ${line}`),
    ...feed.items.map((item) => renderItem(item, feed.siteUrl)),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
