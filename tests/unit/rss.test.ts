import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildRssFeed, type RssFeed, type RssItem } from '@/lib/feeds/rss';

const siteUrl = 'https://www.northgate.example';

function item(overrides: Partial<RssItem> = {}): RssItem {
  return {
    title: 'Grid connection queues',
    url: `${siteUrl}/analysis/grid-connection-queues`,
    publishedAt: new Date('2026-11-18T00:30:00Z'),
    summary: 'Why connections take a decade.',
    authors: ['Helen Orvik'],
    ...overrides,
  };
}

function feed(items: RssItem[], overrides: Partial<RssFeed> = {}): RssFeed {
  return {
    title: 'Northgate Institute',
    description: 'Independent analysis',
    siteUrl,
    feedUrl: `${siteUrl}/feed.xml`,
    items,
    ...overrides,
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  // Decodes numeric character references such as &#13;, which the feed uses for CR.
  htmlEntities: true,
  trimValues: false,
  isArray: (name) => ['item', 'dc:creator', 'category'].includes(name),
});

interface ParsedItem {
  title: string;
  link: string;
  guid: { '#text': string; '@isPermaLink': string };
  pubDate: string;
  description: string;
  'content:encoded'?: string;
  'dc:creator'?: string[];
  category?: string[];
  enclosure?: Record<string, string>;
}

interface ParsedRss {
  rss: {
    '@version': string;
    '@xmlns:atom': string;
    '@xmlns:content': string;
    '@xmlns:dc': string;
    channel: Record<string, unknown> & {
      'atom:link': Record<string, string>;
      item?: ParsedItem[];
    };
  };
}

function parse(source: RssFeed) {
  const xml = buildRssFeed(source);
  expect(XMLValidator.validate(xml)).toBe(true);
  return { xml, rss: (parser.parse(xml) as ParsedRss).rss };
}

function items(source: RssFeed): ParsedItem[] {
  return parse(source).rss.channel.item ?? [];
}

describe('buildRssFeed', () => {
  it('writes an RSS 2.0 document with the atom, content and dc namespaces', () => {
    const { xml, rss } = parse(feed([item()]));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss ')).toBe(true);
    expect(rss['@version']).toBe('2.0');
    expect(rss['@xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(rss['@xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(rss['@xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
  });

  it('describes the channel, with a self link and British English by default', () => {
    const { channel } = parse(feed([item()])).rss;
    expect(channel.title).toBe('Northgate Institute');
    expect(channel.link).toBe(siteUrl);
    expect(channel.description).toBe('Independent analysis');
    expect(channel.language).toBe('en-gb');
    expect(channel['atom:link']).toEqual({
      '@href': `${siteUrl}/feed.xml`,
      '@rel': 'self',
      '@type': 'application/rss+xml',
    });
    expect(parse(feed([], { language: 'cy' })).rss.channel.language).toBe('cy');
  });

  it('dates the build by the newest item unless told otherwise', () => {
    const older = item({ publishedAt: new Date('2026-06-30T23:30:00Z') });
    const newer = item({ publishedAt: new Date('2026-11-18T00:30:00Z') });
    expect(parse(feed([older, newer])).rss.channel.lastBuildDate).toBe(
      'Wed, 18 Nov 2026 00:30:00 GMT',
    );
    const updatedAt = new Date('2026-12-01T10:00:00Z');
    expect(parse(feed([older], { updatedAt })).rss.channel.lastBuildDate).toBe(
      'Tue, 01 Dec 2026 10:00:00 GMT',
    );
  });

  it('keeps an empty feed valid and leaves out lastBuildDate', () => {
    const { xml, rss } = parse(feed([]));
    expect(rss.channel.item).toBeUndefined();
    expect(xml).not.toContain('lastBuildDate');
  });

  it('keeps items in the given order with their fields', () => {
    const first = item({
      title: 'First',
      url: `${siteUrl}/a`,
      authors: ['Helen Orvik', 'Daniel Achterberg', 'Ana de la Cruz'],
      categories: ['Energy', 'Trade'],
      contentHtml: '<p>Body</p>',
    });
    const second = item({ title: 'Second', url: `${siteUrl}/b`, authors: [] });
    const [a, b, ...rest] = items(feed([first, second]));
    expect(rest).toEqual([]);
    expect(a).toMatchObject({
      title: 'First',
      link: `${siteUrl}/a`,
      pubDate: 'Wed, 18 Nov 2026 00:30:00 GMT',
      description: 'Why connections take a decade.',
      'content:encoded': '<p>Body</p>',
      'dc:creator': ['Helen Orvik', 'Daniel Achterberg', 'Ana de la Cruz'],
      category: ['Energy', 'Trade'],
    });
    expect(b?.title).toBe('Second');
    expect(b?.['dc:creator']).toBeUndefined();
    expect(b?.['content:encoded']).toBeUndefined();
  });

  it('marks the guid as a permalink only when it is the URL', () => {
    const url = `${siteUrl}/a`;
    const [byDefault, same, other] = items(
      feed([item({ url }), item({ url, guid: url }), item({ url, guid: 'article:42' })]),
    );
    expect(byDefault?.guid).toEqual({ '#text': url, '@isPermaLink': 'true' });
    expect(same?.guid).toEqual({ '#text': url, '@isPermaLink': 'true' });
    expect(other?.guid).toEqual({ '#text': 'article:42', '@isPermaLink': 'false' });
  });

  it('escapes markup, ampersands and quotes in text and attributes', () => {
    const hostile = `<script>alert("x")</script> & 'co'`;
    const { xml, rss } = parse(
      feed(
        [
          item({
            title: hostile,
            authors: [hostile],
            categories: [hostile],
            url: `${siteUrl}/a?x=1&y="2"`,
          }),
        ],
        { title: hostile, description: hostile, feedUrl: `${siteUrl}/feed.xml?a=1&b='2'<\t>` },
      ),
    );
    expect(xml).not.toContain('<script>');
    expect(rss.channel.title).toBe(hostile);
    expect(rss.channel.description).toBe(hostile);
    expect(rss.channel['atom:link']['@href']).toBe(`${siteUrl}/feed.xml?a=1&b='2'<\t>`);
    const [parsed] = rss.channel.item ?? [];
    expect(parsed?.title).toBe(hostile);
    expect(parsed?.['dc:creator']).toEqual([hostile]);
    expect(parsed?.category).toEqual([hostile]);
    expect(parsed?.link).toBe(`${siteUrl}/a?x=1&y=%222%22`);
  });

  it('sends the plain-text summary as HTML-escaped text, since readers render it as HTML', () => {
    const [parsed] = items(feed([item({ summary: 'Tariffs <10% & <b>rising</b>' })]));
    expect(parsed?.description).toBe('Tariffs &lt;10% &amp; &lt;b&gt;rising&lt;/b&gt;');
  });

  it('keeps HTML in CDATA and splits a "]]>" inside it safely', () => {
    const contentHtml = '<p>a]]>b</p><script>x()</script>]]>';
    const { xml, rss } = parse(feed([item({ contentHtml })]));
    expect(rss.channel.item?.[0]?.['content:encoded']).toBe(contentHtml);
    expect(xml).toContain('<content:encoded><![CDATA[<p>a]]]]><![CDATA[>b</p>');
  });

  it('strips characters XML 1.0 forbids and keeps emoji and other text', () => {
    const dirty =
      'Net\u0000 zero\u0007\u000b\u001f\u007f\u0085 \ud800\ufffe\uffff\udfff 🌍\t\n\r ✓';
    const { xml, rss } = parse(
      feed([item({ title: dirty, summary: dirty, contentHtml: dirty, authors: [dirty] })]),
    );
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(xml).not.toMatch(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
    );
    const [parsed] = rss.channel.item ?? [];
    expect(parsed?.title).toBe('Net zero  🌍\t\n\r ✓');
    // CDATA cannot carry a CR past a parser's line-end handling; in HTML it is only whitespace.
    expect(parsed?.['content:encoded']).toBe('Net zero  🌍\t\n\n ✓');
    expect(parsed?.['dc:creator']).toEqual(['Net zero  🌍\t\n\r ✓']);
  });

  it('attaches the image as an enclosure with a type and a zero length', () => {
    const [guessed, given, unknown, none] = items(
      feed([
        item({ imageUrl: '/images/demo/grid.JPG' }),
        item({ imageUrl: 'https://cdn.example/i?id=1&w=2', imageType: 'image/webp' }),
        item({ imageUrl: '/images/demo/grid' }),
        item(),
      ]),
    );
    expect(guessed?.enclosure).toEqual({
      '@url': `${siteUrl}/images/demo/grid.JPG`,
      '@type': 'image/jpeg',
      '@length': '0',
    });
    expect(given?.enclosure).toEqual({
      '@url': 'https://cdn.example/i?id=1&w=2',
      '@type': 'image/webp',
      '@length': '0',
    });
    expect(unknown?.enclosure).toBeUndefined();
    expect(none?.enclosure).toBeUndefined();
  });

  it('produces the same bytes for the same input', () => {
    const source = feed([item({ categories: ['Energy'] }), item({ title: 'Second' })]);
    expect(buildRssFeed(source)).toBe(buildRssFeed(structuredClone(source)));
  });

  it('refuses an invalid date rather than writing "Invalid Date"', () => {
    expect(() => buildRssFeed(feed([item({ publishedAt: new Date('nonsense') })]))).toThrow(
      RangeError,
    );
  });
});
