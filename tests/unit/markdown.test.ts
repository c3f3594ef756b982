import { describe, expect, it } from 'vitest';
import { markdownToEmailText, markdownToPlainText, renderMarkdown } from '@/lib/content/markdown';

interface Tag {
  name: string;
  attributes: Map<string, string>;
}

// A start-tag tokenizer after the HTML standard's rules, enough to read serialised output.
function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  const skip = (pattern: RegExp) => {
    while (i < html.length && pattern.test(html.charAt(i))) i++;
  };
  const read = (pattern: RegExp) => {
    const start = i;
    skip(pattern);
    return html.slice(start, i);
  };
  while ((i = html.indexOf('<', i)) !== -1) {
    i++;
    if (!/[a-z]/i.test(html.charAt(i))) continue;
    const tag: Tag = { name: read(/[^\s/>]/).toLowerCase(), attributes: new Map() };
    tags.push(tag);
    for (;;) {
      skip(/[\s/]/);
      if (i >= html.length || html.charAt(i) === '>') break;
      const start = i++; // the standard keeps a leading '=' in the name
      skip(/[^\s/>=]/);
      const name = html.slice(start, i);
      let value = '';
      skip(/\s/);
      if (html.charAt(i) === '=') {
        i++;
        skip(/\s/);
        const quote = html.charAt(i);
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, i + 1);
          value = html.slice(i + 1, end === -1 ? html.length : end);
          i = end === -1 ? html.length : end + 1;
        } else {
          value = read(/[^\s>]/);
        }
      }
      tag.attributes.set(name.toLowerCase(), decodeEntities(value));
    }
  }
  return tags;
}

const NAMED: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  lpar: '(',
  rpar: ')',
};

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = /^#x/i.test(body) ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[body.toLowerCase()] ?? entity;
  });
}

const MARKDOWN_TAGS = new Set(
  'a blockquote br code del em h2 h3 h4 h5 h6 hr img input li ol p pre section strong sup table tbody td th thead tr ul'.split(
    ' ',
  ),
);
const FORBIDDEN_TAGS =
  /<\s*\/?\s*(script|iframe|object|embed|style|form|meta|base|link|svg|math)\b/i;
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'cite'];
const DANGEROUS_SCHEME = /^(?:javascript|vbscript|data):/;

function problemsIn(html: string): string[] {
  const problems: string[] = [];
  if (FORBIDDEN_TAGS.test(html)) problems.push(`forbidden tag in ${html}`);
  if (/<[!?]/.test(html)) problems.push('comment, doctype or processing instruction');
  for (const { name, attributes } of startTags(html)) {
    if (!MARKDOWN_TAGS.has(name)) problems.push(`unexpected <${name}>`);
    for (const [attribute, value] of attributes) {
      if (attribute.startsWith('on')) problems.push(`event handler ${attribute} on <${name}>`);
      if (attribute === 'style' || attribute === 'srcset') problems.push(`${attribute} attribute`);
      // Browsers drop whitespace and control characters when they read a URL's scheme.
      const scheme = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
      if (URL_ATTRIBUTES.includes(attribute) && DANGEROUS_SCHEME.test(scheme)) {
        problems.push(`${attribute}="${value}" on <${name}>`);
      }
    }
  }
  return problems;
}

const ALERT_HTML_BASE64 = 'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==';

const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  'Text <script>alert(1)</script> inline',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(1)">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  `<embed src="data:text/html;base64,${ALERT_HTML_BASE64}">`,
  '<style>body { background: url(javascript:alert(1)) }</style>',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="&#x6A;avascript:alert(1)">x</a>',
  '<a href=x onmouseover=alert(1)>hover</a>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<button formaction="javascript:alert(1)">go</button>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=import href="https://evil.example/x.html">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<!--><img src=x onerror=alert(1)>-->',
  '<!-- --!><img src=x onerror=alert(1)> -->',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java&#x09;script:alert(1))',
  '[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x]( javascript:alert(1) "title")',
  '[x](javascript://example.com/%0aalert(1))',
  '[x](vbscript:msgbox(1))',
  `[x](data:text/html;base64,${ALERT_HTML_BASE64})`,
  '[x][ref]\n\n[ref]: javascript:alert(1)',
  '![x](javascript:alert(1))',
  `![x](data:image/svg+xml;base64,${ALERT_HTML_BASE64})`,
  '![x" onerror="alert(1)](https://example.com/a.png)',
  '[x](https://example.com "t\\" onmouseover=\\"alert(1)")',
  '<javascript:alert(1)>',
  '<JAVASCRIPT:alert(1)>',
  '# <img src=x onerror=alert(1)>Heading',
  '| a |\n| - |\n| <img src=x onerror=alert(1)> |',
  'Note[^x"onclick=alert(1)]\n\n[^x"onclick=alert(1)]: <script>alert(1)</script>',
  '```html\n<script>alert(1)</script>\n```',
];

describe('renderMarkdown', () => {
  it('starts a body whose top level is ## at h2, and does not carry levels across documents', () => {
    renderMarkdown('# One\n\n## Two');
    const html = renderMarkdown('## The queue\n\n### Detail');
    expect(html).toContain('<h2 id="the-queue">The queue</h2>');
    expect(html).toContain('<h3 id="detail">Detail</h3>');
  });

  it('demotes headings one level, to at most h6, and gives them unique ids', () => {
    const html = renderMarkdown('# Key findings\n\n## Method\n\n###### Deep\n\n# Key findings');
    expect(html).toContain('<h2 id="key-findings">Key findings</h2>');
    expect(html).toContain('<h3 id="method">Method</h3>');
    expect(html).toContain('<h6 id="deep">Deep</h6>');
    expect(html).toContain('<h2 id="key-findings-1">Key findings</h2>');
    expect(html).not.toContain('<h1');
  });

  it('renders lists, task lists, blockquotes, strikethrough and code blocks', () => {
    const html = renderMarkdown(
      [
        '- one\n- two\n',
        '3. three\n4. four\n',
        '- [ ] open\n- [x] done\n',
        '> Quoted **strongly**\n',
        '~~withdrawn~~\n',
        '```ts\nconst fair = 1 < 2;\n```',
      ].join('\n'),
    );
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(html).toContain('<ol start="3">\n<li>three</li>');
    expect(html).toContain('<input type="checkbox" disabled> open');
    expect(html).toContain('<input type="checkbox" checked disabled> done');
    expect(html).toContain('<blockquote>\n<p>Quoted <strong>strongly</strong></p>\n</blockquote>');
    expect(html).toContain('<del>withdrawn</del>');
    expect(html).toContain(
      '<pre><code class="language-ts">const fair = 1 &#x3C; 2;\n</code></pre>',
    );
  });

  it('renders tables with a head, a body and column alignment', () => {
    const html = renderMarkdown('| Year | Rate |\n| :--- | ---: |\n| 2024 | 3.1% |');
    expect(html).toMatch(/<table>\s*<thead>\s*<tr>\s*<th align="left">Year<\/th>/);
    expect(html).toContain('<th align="right">Rate</th>');
    expect(html).toMatch(/<tbody>\s*<tr>\s*<td align="left">2024<\/td>\s*<td align="right">3.1%/);
  });

  it('links footnote references to their notes and back', () => {
    const html = renderMarkdown('A claim.[^source]\n\n[^source]: The evidence.');
    const tags = startTags(html);
    const ids = new Set(tags.map((tag) => tag.attributes.get('id')).filter(Boolean));
    const reference = tags.find((tag) => tag.attributes.has('data-footnote-ref'));
    const backReference = tags.find((tag) => tag.attributes.has('data-footnote-backref'));
    expect(reference?.attributes.get('href')).toMatch(/^#/);
    expect(ids).toContain(reference?.attributes.get('href')?.slice(1));
    expect(ids).toContain(backReference?.attributes.get('href')?.slice(1));
    expect(html).toContain('The evidence.');
  });

  it('marks links to other hosts noopener noreferrer and leaves local links alone', () => {
    const html = renderMarkdown(
      '[a](https://example.org/report) [b](/about) [c](#method) [d](mailto:press@northgate.example) www.example.net',
    );
    expect(html).toContain('<a href="https://example.org/report" rel="noopener noreferrer">a</a>');
    expect(html).toContain('<a href="/about">b</a>');
    expect(html).toContain('<a href="#method">c</a>');
    expect(html).toContain('<a href="mailto:press@northgate.example">d</a>');
    expect(html).toContain('<a href="http://www.example.net" rel="noopener noreferrer">');
    expect(html).not.toContain('target=');
  });

  it('treats protocol-relative links as external', () => {
    expect(renderMarkdown('[x](//evil.example/)')).toContain('rel="noopener noreferrer"');
  });

  it('keeps image source, alt text and title and loads images lazily', () => {
    const [image] = startTags(renderMarkdown('![A chart](/images/chart.png "Rates")')).filter(
      (tag) => tag.name === 'img',
    );
    expect(Object.fromEntries(image?.attributes ?? [])).toEqual({
      src: '/images/chart.png',
      alt: 'A chart',
      title: 'Rates',
      loading: 'lazy',
      decoding: 'async',
    });
    expect(renderMarkdown('![x](https://cdn.example/a.png)')).toContain(
      'src="https://cdn.example/a.png"',
    );
  });

  it('drops images whose source is neither http(s) nor on this site', () => {
    for (const src of ['//evil.example/a.png', 'ftp://example.com/a.png', 'javascript:alert(1)']) {
      expect(renderMarkdown(`![x](${src})`)).not.toContain('<img');
    }
  });

  it('shows raw HTML as nothing and keeps code samples as text', () => {
    expect(renderMarkdown('Hello <b onclick="x()">there</b>')).toBe('<p>Hello there</p>');
    expect(renderMarkdown('`<script>`')).toBe('<p><code>&#x3C;script></code></p>');
  });

  it('renders the same input to the same output', () => {
    const markdown = '# A\n\nB[^1]\n\n# A\n\n[^1]: C';
    expect(renderMarkdown(markdown)).toBe(renderMarkdown(markdown));
  });

  describe('XSS corpus', () => {
    it('has enough distinct payloads', () => {
      expect(new Set(XSS_PAYLOADS).size).toBeGreaterThanOrEqual(25);
    });

    it('has a checker that catches what it looks for', () => {
      expect(problemsIn('<a href="jav&#x09;ascript:x">x</a>')).not.toEqual([]);
      expect(problemsIn('<a href=" &#x01;DATA:text/html,x">x</a>')).not.toEqual([]);
      expect(problemsIn("<img src=x alt='a' OnError=alert(1)>")).not.toEqual([]);
      expect(problemsIn('<p><svg></svg></p>')).not.toEqual([]);
      expect(problemsIn('<!-- -->')).not.toEqual([]);
      expect(problemsIn('<p><a href="https://example.com" title="x">x</a></p>')).toEqual([]);
    });

    it.each(XSS_PAYLOADS)('renders %j inert', (payload) => {
      expect(problemsIn(renderMarkdown(payload))).toEqual([]);
      expect(
        problemsIn(renderMarkdown(`Before\n\n${payload}\n\nAfter [^1]\n\n[^1]: Note`)),
      ).toEqual([]);
    });
  });
});

describe('markdownToPlainText', () => {
  it('strips markup and footnotes and collapses whitespace', () => {
    const markdown = [
      '# Rates *rise*',
      'Some **bold**   and [linked](https://example.com) text.[^1]',
      '- one\n- two',
      '<div>raw</div>',
      '![chart](/a.png)',
      '[^1]: A footnote that should not appear.',
    ].join('\n\n');
    expect(markdownToPlainText(markdown)).toBe('Rates rise Some bold and linked text. one two');
  });

  it('decodes entities instead of showing them', () => {
    expect(markdownToPlainText('Fish &amp; chips &copy; 2025')).toBe('Fish & chips © 2025');
  });

  it('truncates at a word boundary with an ellipsis, within maxLength', () => {
    const text = 'The quick brown fox jumps over the lazy dog';
    expect(markdownToPlainText(text, 20)).toBe('The quick brown fox…');
    expect(markdownToPlainText(text, 22)).toBe('The quick brown fox…');
    expect(markdownToPlainText('Growth, inflation, and rates', 20)).toBe('Growth, inflation…');
    expect(markdownToPlainText(text, 43)).toBe(text);
    expect(markdownToPlainText(text)).toBe(text);
  });

  it('cuts a single overlong word when there is no boundary', () => {
    expect(markdownToPlainText('Supercalifragilistic', 6)).toBe('Super…');
  });
});

describe('markdownToEmailText', () => {
  const site = 'https://northgate.example';

  it('keeps paragraphs apart and puts each link’s address after its words', () => {
    const text = markdownToEmailText(
      'Read [our budget note](/articles/budget) and **the rest**.\n\nSee https://example.org too.',
      site,
    );
    expect(text).toBe(
      'Read our budget note (https://northgate.example/articles/budget) and the rest.\n\nSee https://example.org too.',
    );
  });

  it('lays out lists, quotes, headings and tables as text, and drops images and HTML', () => {
    const text = markdownToEmailText(
      [
        '## What changed',
        '',
        '- one',
        '- two, [linked](https://example.org/two)',
        '',
        '3. third',
        '4. fourth',
        '',
        '> A quoted line',
        '',
        '![chart](/chart.png)',
        '',
        '<script>alert(1)</script>',
        '',
        '| a | b |',
        '|---|---|',
        '| 1 | 2 |',
      ].join('\n'),
      site,
    );
    expect(text).toBe(
      [
        'What changed',
        '- one\n- two, linked (https://example.org/two)',
        '3. third\n4. fourth',
        '> A quoted line',
        'a | b\n1 | 2',
      ].join('\n\n'),
    );
  });
});
