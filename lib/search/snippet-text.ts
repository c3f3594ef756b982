import { matchStart, passageBreak } from './markers';

// ts_headline keeps the body's line breaks, so its Markdown blocks can still be told apart: a
// blank line ends a paragraph, a heading is one line, and a line that opens a heading, list
// item, quote or table row starts a block of its own.
const blockBoundary =
  /\n[ \t]*\n|(?<=^[ \t]*#{1,6}[ \t][^\n]*)\n|\n(?=[ \t]*(?:#{1,6}\s|>|[-*+]\s|\d+[.)]\s|\|))/m;
const headingLine = /^\s*#{1,6}\s/;

// Markdown punctuation in a snippet reads as noise; links keep their text.
function plainText(block: string): string {
  return (
    block
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[\^[^\]]*\]:?/g, '')
      // A passage can begin or end inside a link: what is left of its address, and its brackets.
      .replace(/\]\([^)\s]*\)?/g, '')
      .replace(/!?[[\]]/g, '')
      // Only where a line starts: elsewhere "in 2024. The" and "costs - and" are prose.
      .replace(/^[ \t]*(?:#{1,6}|>|[-*+]|\d+[.)])[ \t]+/gm, '')
      .replace(/[*_`~]+/g, '')
      .replace(/\|/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * A search snippet from ts_headline's passages of Markdown: the blocks (paragraphs, headings,
 * list items) that hold a match, each on its own, so a heading never runs on into the sentence
 * after it. Without a match (the piece was found by its title or byline), the first block of
 * prose. Blocks are joined by an ellipsis, as passages are.
 */
export function snippetText(headline: string): string {
  const blocks = headline
    .split(passageBreak)
    .flatMap((passage) => passage.split(blockBoundary))
    .filter((block) => plainText(block) !== '');
  const matched = blocks.filter((block) => block.includes(matchStart));
  const chosen = matched.length
    ? matched
    : [blocks.find((block) => !headingLine.test(block)) ?? blocks[0] ?? ''];
  return chosen.map(plainText).join(' … ');
}

/**
 * A search snippet from ts_headline's passages of a PDF's text, which is plain and on one line
 * (lib/publications/pdf.ts): the passages that hold a match, joined by an ellipsis.
 */
export function pdfSnippetText(headline: string): string {
  return headline
    .split(passageBreak)
    .filter((passage) => passage.includes(matchStart))
    .map((passage) => passage.replace(/\s+/g, ' ').trim())
    .join(' … ');
}
