import { describe, expect, it } from 'vitest';
import { matchEnd, matchStart, passageBreak } from '@/lib/search/markers';
import { pdfSnippetText, snippetText } from '@/lib/search/snippet-text';

const hit = (word: string) => `${matchStart}${word}${matchEnd}`;

describe('snippetText', () => {
  it('keeps only the blocks that hold a match, each apart', () => {
    const headline = `Grid ${hit('queues')}\n\nProjects wait a decade.\n\n- Reform the ${hit('queues')} first`;
    expect(snippetText(headline)).toBe(`Grid ${hit('queues')} … Reform the ${hit('queues')} first`);
  });

  it('never runs a heading into the sentence after it', () => {
    const headline = `## On housing\nThe ${hit('rent')} rose.`;
    expect(snippetText(headline)).toBe(`The ${hit('rent')} rose.`);
  });

  it('keeps a paragraph’s soft line breaks within the block', () => {
    const headline = `Costs rose\nand ${hit('wages')} fell.\n\nLater, more.`;
    expect(snippetText(headline)).toBe(`Costs rose and ${hit('wages')} fell.`);
  });

  it('splits numbered items, quotes and table rows into blocks of their own', () => {
    const headline = `1. First\n2) The ${hit('levy')}\n> A quote\n| a | ${hit('levy')} |`;
    expect(snippetText(headline)).toBe(`The ${hit('levy')} … a ${hit('levy')}`);
  });

  it('joins the passages ts_headline picked', () => {
    const headline = `one ${hit('tariff')} here${passageBreak}and a ${hit('tariff')} there`;
    expect(snippetText(headline)).toBe(`one ${hit('tariff')} here … and a ${hit('tariff')} there`);
  });

  it('quotes the first paragraph when nothing matched in the body', () => {
    expect(snippetText('## Background\n\nThe first paragraph.\n\nThe second.')).toBe(
      'The first paragraph.',
    );
    expect(snippetText('## Only a heading')).toBe('Only a heading');
    expect(snippetText('')).toBe('');
  });

  it('reads Markdown as plain text: links keep their words, marks and notes go', () => {
    const headline = `See **the [${hit('report')}](https://example.org/r)**[^1] and \`code\`.`;
    expect(snippetText(headline)).toBe(`See the ${hit('report')} and code.`);
  });

  it('keeps a year that ends a sentence and a dash between words, which only open a list on a new line', () => {
    expect(snippetText(`Prices rose in 2024. The ${hit('grid')} - as ever - lagged.`)).toBe(
      `Prices rose in 2024. The ${hit('grid')} - as ever - lagged.`,
    );
    expect(snippetText(`Steps:\n  - Cut the ${hit('levy')}\n  2. Then wait`)).toBe(
      `Cut the ${hit('levy')}`,
    );
  });

  it('leaves no bracket or address of a link that a passage begins or ends inside', () => {
    expect(snippetText(`See the [Office for Budget ${hit('Responsibility')}`)).toBe(
      `See the Office for Budget ${hit('Responsibility')}`,
    );
    expect(snippetText(`${hit('Budget')} Responsibility](https://obr.uk/efo) said so.`)).toBe(
      `${hit('Budget')} Responsibility said so.`,
    );
  });
});

describe('pdfSnippetText', () => {
  it('keeps the passages that hold a match, as plain text the PDF gave', () => {
    const headline = `costs rose in 2024. The ${hit('levy')} [1] *fell*${passageBreak}no match${passageBreak} a second  ${hit('levy')}`;
    expect(pdfSnippetText(headline)).toBe(
      `costs rose in 2024. The ${hit('levy')} [1] *fell* … a second ${hit('levy')}`,
    );
  });
});
