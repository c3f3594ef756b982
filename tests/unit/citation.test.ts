import { describe, expect, it } from 'vitest';
import { formatCitations, type CitationInput } from '@/lib/content/citation';

const url = 'https://www.northgate.example/analysis/grid-connection-queue';

function cite(authors: string[], overrides: Partial<CitationInput> = {}) {
  return formatCitations({
    title: 'Grid connection queues are the real bottleneck',
    authors: authors.map((name) => ({ name })),
    publishedAt: new Date('2026-11-18T09:00:00Z'),
    url,
    publisher: 'Northgate Institute',
    kind: 'Analysis',
    ...overrides,
  });
}

const people = (count: number) =>
  Array.from({ length: count }, (_, i) => `Given${i + 1} Family${i + 1}`);

describe('formatCitations: APA 7', () => {
  it('cites one author', () => {
    expect(cite(['Helen Orvik']).apa).toBe(
      `Orvik, H. (2026, November 18). Grid connection queues are the real bottleneck. Northgate Institute. ${url}`,
    );
  });

  it('joins two authors with a comma and an ampersand', () => {
    expect(cite(['Helen Orvik', 'Daniel Achterberg']).apa).toMatch(
      /^Orvik, H\., & Achterberg, D\. \(2026, November 18\)\. /,
    );
  });

  it('lists three to twenty authors in full, the last after an ampersand', () => {
    expect(cite(['Helen Orvik', 'Daniel Achterberg', 'Ana de la Cruz']).apa).toMatch(
      /^Orvik, H\., Achterberg, D\., & de la Cruz, A\. \(2026/,
    );
    const twenty = cite(people(20)).apa;
    expect(twenty).toContain('Family19, G., & Family20, G. (2026');
    expect(twenty).not.toContain('. . .');
  });

  it('cuts 21 or more authors to the first 19, an ellipsis and the last', () => {
    const apa = cite(people(23)).apa;
    expect(apa).toContain('Family18, G., Family19, G., . . . Family23, G. (2026');
    expect(apa).not.toContain('Family20');
    expect(apa).not.toContain('&');
  });

  it('makes the publisher the author, and does not repeat it, when there is no byline', () => {
    expect(cite([]).apa).toBe(
      `Northgate Institute. (2026, November 18). Grid connection queues are the real bottleneck. ${url}`,
    );
  });

  it('keeps the title as given and adds no period after a question mark', () => {
    const apa = cite(['Helen Orvik'], { title: 'Who pays for “net zero” in the UK?' }).apa;
    expect(apa).toContain('. Who pays for “net zero” in the UK? Northgate Institute. ');
  });

  it('abbreviates hyphenated, middle and accented given names and keeps suffixes', () => {
    const apa = cite(['Jean-Luc Picard', 'Martin Luther King Jr.', 'Élodie Ørsted', 'Plato']).apa;
    expect(apa).toMatch(/^Picard, J\.-L\., King, M\. L\., Jr\., Ørsted, É\., & Plato\. \(2026/);
  });
});

describe('formatCitations: Chicago 17 bibliography', () => {
  it('inverts the first author only', () => {
    expect(cite(['Helen Orvik', 'Daniel Achterberg']).chicago).toBe(
      `Orvik, Helen, and Daniel Achterberg. "Grid connection queues are the real bottleneck." Northgate Institute, November 18, 2026. ${url}.`,
    );
  });

  it('cites one author and a series of three with a serial comma', () => {
    expect(cite(['Helen Orvik']).chicago).toMatch(/^Orvik, Helen\. "Grid/);
    expect(cite(['Ana de la Cruz', 'Helen Orvik', 'Daniel Achterberg']).chicago).toMatch(
      /^de la Cruz, Ana, Helen Orvik, and Daniel Achterberg\. "Grid/,
    );
  });

  it('lists up to ten authors and, beyond ten, the first seven and et al.', () => {
    expect(cite(people(10)).chicago).toContain('Given9 Family9, and Given10 Family10. "Grid');
    const eleven = cite(people(11)).chicago;
    expect(eleven).toMatch(/^Family1, Given1, Given2 Family2, .*Given7 Family7, et al\. "Grid/);
    expect(eleven).not.toContain('Family8');
  });

  it('puts the question mark inside the quotes without a period', () => {
    expect(cite(['Helen Orvik'], { title: 'Is the grid ready?' }).chicago).toContain(
      '"Is the grid ready?" Northgate Institute, November 18, 2026.',
    );
  });

  it('starts with the publisher and does not repeat it when there is no byline', () => {
    expect(cite([]).chicago).toBe(
      `Northgate Institute. "Grid connection queues are the real bottleneck." November 18, 2026. ${url}.`,
    );
  });

  it('prints an access date before the URL only when one is given', () => {
    const accessedAt = new Date('2026-11-20T12:00:00Z');
    expect(cite(['Helen Orvik'], { accessedAt }).chicago).toContain(
      `November 18, 2026. Accessed November 20, 2026. ${url}.`,
    );
    expect(cite(['Helen Orvik']).chicago).not.toContain('Accessed');
    expect(cite(['Helen Orvik'], { accessedAt }).apa).not.toContain('November 20');
  });
});

describe('formatCitations: BibTeX', () => {
  it('writes a @misc entry with a stable key, inverted authors and a month macro', () => {
    expect(cite(['Helen Orvik', 'Daniel Achterberg']).bibtex).toBe(
      [
        '@misc{orvik2026grid,',
        '  author = {Orvik, Helen and Achterberg, Daniel},',
        '  title = {{Grid connection queues are the real bottleneck}},',
        '  organization = {Northgate Institute},',
        '  year = {2026},',
        '  month = nov,',
        `  url = {${url}},`,
        '  note = {Analysis},',
        '}',
      ].join('\n'),
    );
  });

  it('skips small words in the key and reduces names and words to ASCII', () => {
    const { bibtex } = cite(['Søren Ørsted-Ñúñez'], { title: 'The “Ørsted” effect' });
    expect(bibtex).toMatch(/^@misc\{orstednunez2026orsted,/);
    expect(cite(['Ana de la Cruz'], { title: 'A Britain’s-eye view' }).bibtex).toMatch(
      /^@misc\{delacruz2026britains,/,
    );
  });

  it('escapes TeX specials and typographic quotes but keeps accented letters', () => {
    const { bibtex } = cite(['Zoë O’Brien'], {
      title: '“50% & rising”: R&D_spend #1 costs $5 {approx} ~ 2^3 \\ more',
      kind: 'Q&A',
    });
    expect(bibtex).toContain("author = {O'Brien, Zoë}");
    expect(bibtex).toContain(
      "title = {{``50\\% \\& rising'': R\\&D\\_spend \\#1 costs \\$5 \\{approx\\} \\textasciitilde{} 2\\textasciicircum{}3 \\textbackslash{} more}}",
    );
    expect(bibtex).toContain('note = {Q\\&A}');
  });

  it('keeps the URL verbatim apart from characters that would break the field', () => {
    const { bibtex } = cite(['Helen Orvik'], { url: 'https://x.example/a_b?q=1%202#top{x}' });
    expect(bibtex).toContain('url = {https://x.example/a_b?q=1%202#top%7Bx%7D}');
  });

  it('keeps an organisation author whole and records the access date as urldate', () => {
    const { bibtex } = cite([], { accessedAt: new Date('2026-06-30T23:30:00Z') });
    expect(bibtex).toMatch(/^@misc\{northgateinstitute2026grid,/);
    expect(bibtex).toContain('author = {{Northgate Institute}}');
    expect(bibtex).toContain('urldate = {2026-07-01}');
  });

  it('puts a suffix where BibTeX expects it and leaves a single name alone', () => {
    expect(cite(['Martin Luther King Jr.', 'Plato']).bibtex).toContain(
      'author = {King, Jr., Martin Luther and Plato}',
    );
  });
});

describe('formatCitations: dates in London', () => {
  it.each([
    ['2026-11-18T00:30:00Z', '2026, November 18', 'November 18, 2026', 'nov'],
    ['2026-06-30T23:30:00Z', '2026, July 1', 'July 1, 2026', 'jul'],
    ['2026-12-31T23:59:00Z', '2026, December 31', 'December 31, 2026', 'dec'],
  ])('dates %s as %s', (instant, apaDate, chicagoDate, month) => {
    const citations = cite(['Helen Orvik'], { publishedAt: new Date(instant) });
    expect(citations.apa).toContain(`(${apaDate}).`);
    expect(citations.chicago).toContain(`Northgate Institute, ${chicagoDate}.`);
    expect(citations.bibtex).toContain(`month = ${month},`);
  });

  it('takes the year of the London date for the key and year field', () => {
    const { bibtex } = cite(['Helen Orvik'], { publishedAt: new Date('2027-06-30T23:30:00Z') });
    expect(bibtex).toMatch(/^@misc\{orvik2027grid,/);
    expect(bibtex).toContain('year = {2027}');
  });

  it('refuses an invalid date', () => {
    expect(() => cite(['Helen Orvik'], { publishedAt: new Date('nonsense') })).toThrow(RangeError);
  });
});

describe('formatCitations: messy input', () => {
  it('collapses line breaks and control characters and ignores blank names', () => {
    const citations = cite(['  Helen   Orvik ', ''], { title: 'Grid\nqueues\u0007 explained' });
    expect(citations.apa).toMatch(/^Orvik, H\. \(2026, November 18\)\. Grid queues explained\. /);
    expect(citations.chicago).toMatch(/^Orvik, Helen\. "Grid queues explained\." /);
  });
});

describe('formatCitations: a publication with a PDF', () => {
  const pdfUrl = 'https://www.northgate.example/articles/clearing-the-queue/pdf';
  const report = (publication: CitationInput['publication']) =>
    cite(['Priya Raman'], { kind: 'Report', publication });

  it('names the PDF and points at it when there is no DOI', () => {
    const citations = report({ pdfUrl, doi: null, isbn: null });
    expect(citations.apa).toBe(
      `Raman, P. (2026, November 18). Grid connection queues are the real bottleneck [Report, PDF]. Northgate Institute. ${pdfUrl}`,
    );
    expect(citations.chicago).toBe(
      `Raman, Priya. "Grid connection queues are the real bottleneck." Report. PDF. Northgate Institute, November 18, 2026. ${pdfUrl}.`,
    );
    expect(citations.bibtex).toContain(`url = {${pdfUrl}}`);
    expect(citations.bibtex).toContain('note = {Report, PDF}');
  });

  it('gives the DOI as the link, and the ISBN where the style has a place for it', () => {
    const citations = report({ pdfUrl, doi: '10.55555/ngi.2026.07', isbn: '978-1-915123-04-6' });
    expect(citations.apa).toMatch(
      /\[Report, PDF\]\. Northgate Institute\. https:\/\/doi\.org\/10\.55555\/ngi\.2026\.07$/,
    );
    expect(citations.chicago).toContain(
      'November 18, 2026. ISBN 978-1-915123-04-6. https://doi.org/10.55555/ngi.2026.07.',
    );
    expect(citations.bibtex).toContain('doi = {10.55555/ngi.2026.07}');
    expect(citations.bibtex).toContain('isbn = {978-1-915123-04-6}');
  });

  it('cites a publication without a PDF as a page, with its identifiers', () => {
    const citations = report({ pdfUrl: null, doi: null, isbn: '978-1-915123-04-6' });
    expect(citations.apa).toMatch(
      /bottleneck\. Northgate Institute\. https:\/\/www\.northgate\.example\/analysis\/grid-connection-queue$/,
    );
    expect(citations.apa).not.toContain('PDF');
    expect(citations.chicago).toContain('ISBN 978-1-915123-04-6.');
  });
});
