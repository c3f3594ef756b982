import type { Element, Root as HastRoot } from 'hast';
import type { Heading, Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// Raw HTML is never parsed, so every id comes from our own plugins (heading slugs, footnotes).
// The default clobber prefix would rename footnote ids and break their `#…` links.
const schema: SanitizeSchema = { ...defaultSchema, clobber: [] };

// Absolute http(s) URLs and protocol-relative ones (browsers read `\` as `/`) leave the site.
const EXTERNAL_URL = /^(?:https?:|[/\\]{2})/i;
const IMAGE_URL = /^(?:https?:\/\/|\/(?![/\\]))/i;

// The article page shows the title as its <h1>, so the body's top heading level becomes <h2>,
// whether the author started from # or ##, and the levels below keep their order.
function demoteHeadings() {
  const collect = (node: MdastNodes, headings: Heading[]): Heading[] => {
    if (node.type === 'heading') headings.push(node);
    if ('children' in node) for (const child of node.children) collect(child, headings);
    return headings;
  };
  return (tree: MdastRoot) => {
    const headings = collect(tree, []);
    const shift = 2 - Math.min(2, ...headings.map((heading) => heading.depth));
    for (const heading of headings) {
      heading.depth = Math.min(heading.depth + shift, 6) as Heading['depth'];
    }
  };
}

// Runs after the sanitiser: these attributes are ours, never the author's.
function decorateLinksAndImages() {
  const decorate = (parent: HastRoot | Element): void => {
    for (let index = parent.children.length - 1; index >= 0; index--) {
      const node = parent.children[index];
      if (node?.type !== 'element') continue;
      const { href, src } = node.properties;
      if (node.tagName === 'img' && !(typeof src === 'string' && IMAGE_URL.test(src))) {
        parent.children.splice(index, 1);
        continue;
      }
      if (node.tagName === 'img') {
        Object.assign(node.properties, { loading: 'lazy', decoding: 'async' });
      }
      if (node.tagName === 'a' && typeof href === 'string' && EXTERNAL_URL.test(href)) {
        node.properties.rel = ['noopener', 'noreferrer'];
      }
      decorate(node);
    }
  };
  return (tree: HastRoot) => decorate(tree);
}

const renderer = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(demoteHeadings)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeSlug)
  .use(decorateLinksAndImages)
  .use(rehypeStringify)
  .freeze();

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

export function renderMarkdown(markdown: string): string {
  return String(renderer.processSync(markdown));
}

const INLINE = new Set(['text', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);
// Not read as part of the text: raw HTML is dropped when rendering, images show no words.
const SKIPPED = new Set([
  'html',
  'image',
  'imageReference',
  'definition',
  'footnoteReference',
  'footnoteDefinition',
]);

function textOf(node: MdastNodes): string {
  if (SKIPPED.has(node.type)) return '';
  if (node.type === 'break') return ' ';
  if ('value' in node) return node.type === 'code' ? ` ${node.value} ` : node.value;
  if (!('children' in node)) return '';
  let text = '';
  for (const child of node.children) text += textOf(child);
  return INLINE.has(node.type) ? text : ` ${text} `;
}

function plainText(markdown: string): string {
  return textOf(parser.parse(markdown)).replace(/\s+/g, ' ').trim();
}

export function markdownToPlainText(markdown: string, maxLength?: number): string {
  const text = plainText(markdown);
  if (maxLength === undefined || text.length <= maxLength) return text;
  // Leave room for the ellipsis, so the result fits in maxLength.
  const space = text.lastIndexOf(' ', maxLength - 1);
  const cut = space > 0 ? text.slice(0, space) : text.slice(0, Math.max(0, maxLength - 1));
  return `${cut.replace(/[\s,;:.!?\-–—]+$/u, '')}…`;
}

/**
 * Markdown as an e-mail's plain-text part: paragraphs, list items and quotes kept apart, and
 * each link's address after its words, made absolute against `siteUrl`, since a text part
 * cannot hide it behind them.
 */
export function markdownToEmailText(markdown: string, siteUrl: string): string {
  const absolute = (url: string) => (url.startsWith('/') ? `${siteUrl}${url}` : url);
  const inline = (node: MdastNodes): string => {
    if (SKIPPED.has(node.type)) return '';
    if (node.type === 'break') return '\n';
    if (node.type === 'link') {
      const words = node.children.map(inline).join('');
      const url = absolute(node.url);
      return words === node.url || words === url ? url : `${words} (${url})`;
    }
    if ('value' in node) return node.value;
    if (!('children' in node)) return '';
    return node.children.map(inline).join('');
  };
  const block = (node: MdastNodes): string => {
    switch (node.type) {
      case 'list':
        return node.children
          .map((item, index) => {
            const marker = node.ordered ? `${(node.start ?? 1) + index}. ` : '- ';
            const body = item.children.map(block).filter(Boolean).join('\n');
            return marker + body.replace(/\n/g, `\n${' '.repeat(marker.length)}`);
          })
          .join('\n');
      case 'blockquote':
        return node.children.map(block).filter(Boolean).join('\n\n').replace(/^/gm, '> ');
      case 'code':
        return node.value;
      case 'thematicBreak':
        return '---';
      case 'table':
        return node.children
          .map((row) => row.children.map((cell) => inline(cell).trim()).join(' | '))
          .join('\n');
      default:
        return SKIPPED.has(node.type) ? '' : inline(node).trim();
    }
  };
  const root = parser.parse(markdown);
  return root.children.map(block).filter(Boolean).join('\n\n');
}
