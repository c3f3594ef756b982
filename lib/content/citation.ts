import { londonDateParts } from '@/lib/time/london';

export interface CitationInput {
  title: string;
  /** In byline order, full names as printed ("Helen Orvik", "Ana de la Cruz", "Plato"). */
  authors: { name: string }[];
  publishedAt: Date;
  /** Canonical URL of the article on our site. */
  url: string;
  publisher: string;
  /** Article kind as shown to readers: "Analysis", "Report", "Commentary"… */
  kind: string;
  /** Printed by Chicago (before the URL) and BibTeX (urldate) when given; APA leaves it out. */
  accessedAt?: Date;
  /**
   * A publication: its PDF's address (the citation then names the PDF and points at it rather
   * than the page) and its identifiers. A DOI, when there is one, is the link APA and Chicago
   * give, as both prefer it to a URL.
   */
  publication?: { pdfUrl: string | null; doi: string | null; isbn: string | null };
}

export interface Citations {
  apa: string;
  chicago: string;
  bibtex: string;
}

interface PersonName {
  given: string[];
  family: string;
  suffix: string;
}

interface LondonDate {
  year: number;
  month: number;
  day: number;
}

const wordList = (text: string) => text.split(' ');
const monthNames = wordList(
  'January February March April May June July August September October November December',
);
const bibtexMonths = monthNames.map((name) => name.slice(0, 3).toLowerCase());
const suffixPattern = /^(?:Jr|Sr)\.?$|^(?:II|III|IV|V)$/;
const keyStopWords = new Set(wordList('a an and as at by for from in into of on or the to with'));

function londonDate(date: Date): LondonDate {
  if (Number.isNaN(date.getTime())) throw new RangeError('Cannot cite an invalid date');
  return londonDateParts(date);
}

function monthName({ month }: LondonDate): string {
  return monthNames[month - 1] ?? '';
}

function clean(text: string): string {
  // Line breaks and control characters become one space; no-break and thin spaces stay.
  return text.replace(/[\p{Cc}\p{Zl}\p{Zp} ]+/gu, ' ').trim();
}

/**
 * Splits a full name BibTeX-style: lower-case words after the first ("de la", "van") start the
 * family name, so "Ana de la Cruz" files under "de la Cruz". A trailing "Jr."/"III" (or anything
 * after a comma) is a suffix.
 */
function parseName(fullName: string): PersonName {
  const [core = '', ...rest] = clean(fullName).split(/\s*,\s*/);
  const tokens = core.split(' ').filter(Boolean);
  let suffix = rest.join(', ');
  if (!suffix && tokens.length > 2 && suffixPattern.test(tokens.at(-1) ?? '')) {
    suffix = tokens.pop() ?? '';
  }
  if (tokens.length <= 1) return { given: [], family: tokens[0] ?? '', suffix };
  const particle = tokens.findIndex(
    (token, i) => i > 0 && i < tokens.length - 1 && /^\p{Ll}/u.test(token),
  );
  const split = particle === -1 ? tokens.length - 1 : particle;
  return { given: tokens.slice(0, split), family: tokens.slice(split).join(' '), suffix };
}

function initials(given: string[]): string {
  return given
    .map((word) =>
      word
        .split('-')
        .map((part) => `${Array.from(part)[0] ?? ''}.`)
        .join('-'),
    )
    .join(' ');
}

function withPeriod(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

function apaName({ given, family, suffix }: PersonName): string {
  return [family, initials(given), suffix].filter(Boolean).join(', ');
}

function apaAuthors(names: PersonName[], publisher: string): string {
  const list = names.map(apaName);
  const last = list.at(-1);
  if (last === undefined) return publisher;
  if (list.length === 1) return last;
  // APA 7 §9.8: up to 20 authors all listed; from 21, the first 19, an ellipsis, then the last.
  if (list.length > 20) return `${list.slice(0, 19).join(', ')}, . . . ${last}`;
  return `${list.slice(0, -1).join(', ')}, & ${last}`;
}

/** Where a citation sends its reader: the DOI, else the PDF, else the page. */
function citedUrl(input: CitationInput): string {
  const { publication } = input;
  if (publication?.doi) return doiLink(publication.doi);
  return clean(publication?.pdfUrl ?? input.url);
}

const doiLink = (doi: string) => `https://doi.org/${clean(doi)}`;

function formatApa(input: CitationInput, names: PersonName[], date: LondonDate): string {
  const title = clean(input.title);
  const publisher = clean(input.publisher);
  const pdf = input.publication?.pdfUrl;
  const parts = [
    withPeriod(apaAuthors(names, publisher)),
    `(${date.year}, ${monthName(date)} ${date.day}).`,
    // APA 7 §9.4: a description of the form in square brackets after the title.
    pdf ? `${title} [${clean(input.kind)}, PDF].` : withPeriod(title),
    // APA 7 §9.29: when the author is the publisher, the publisher is not repeated.
    names.length > 0 ? withPeriod(publisher) : '',
    citedUrl(input),
  ];
  return parts.filter(Boolean).join(' ');
}

function naturalName({ given, family, suffix }: PersonName): string {
  return [...given, family, suffix].filter(Boolean).join(' ');
}

function invertedName({ given, family, suffix }: PersonName): string {
  return [family, given.join(' '), suffix].filter(Boolean).join(', ');
}

function chicagoAuthors(names: PersonName[]): string {
  const [first, ...others] = names;
  if (!first) return '';
  const list = [invertedName(first), ...others.map(naturalName)];
  // CMOS 17 §14.76: a bibliography lists up to ten authors; beyond ten, the first seven and et al.
  if (list.length > 10) return `${list.slice(0, 7).join(', ')}, et al.`;
  if (list.length === 1) return list[0] ?? '';
  if (list.length === 2) return list.join(', and ');
  return `${list.slice(0, -1).join(', ')}, and ${list.at(-1)}`;
}

function chicagoDate(date: LondonDate): string {
  return `${monthName(date)} ${date.day}, ${date.year}`;
}

function formatChicago(input: CitationInput, names: PersonName[], date: LondonDate): string {
  const title = clean(input.title);
  const publisher = clean(input.publisher);
  const authors = chicagoAuthors(names);
  // CMOS 17 §14.206: with no author the site's owner stands in, and is then not repeated.
  const source = authors ? `${publisher}, ${chicagoDate(date)}.` : `${chicagoDate(date)}.`;
  const { publication } = input;
  const parts = [
    withPeriod(authors || publisher),
    `"${withPeriod(title)}"`,
    // CMOS 17 §14.220: a report names its kind; the medium follows for a PDF.
    publication?.pdfUrl ? `${withPeriod(clean(input.kind))} PDF.` : '',
    source,
    publication?.isbn ? `ISBN ${clean(publication.isbn)}.` : '',
    // CMOS 17 §14.12: an access date, when one is wanted, goes immediately before the URL.
    input.accessedAt ? `Accessed ${chicagoDate(londonDate(input.accessedAt))}.` : '',
    `${citedUrl(input)}.`,
  ];
  return parts.filter(Boolean).join(' ');
}

const bibtexSpecials: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '“': '``',
  '”': "''",
  '‘': '`',
  '’': "'",
};

/** Escapes TeX specials; other non-ASCII letters stay UTF-8, which biber and LaTeX read. */
function escapeBibtex(text: string): string {
  return clean(text).replace(/[\\{}&%$#_~^“”‘’]/g, (char) => bibtexSpecials[char] ?? char);
}

// Letters that Unicode does not decompose into an ASCII base letter plus accents.
const asciiFallbacks: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  ð: 'd',
  ı: 'i',
};

function asciiWord(text: string): string {
  return text
    .toLowerCase()
    .replace(/[øæœßđłþðı]/g, (char) => asciiFallbacks[char] ?? '')
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

function bibtexKey(input: CitationInput, names: PersonName[], date: LondonDate): string {
  const who = asciiWord(names[0]?.family ?? '') || asciiWord(input.publisher) || 'anon';
  const words = clean(input.title)
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .map(asciiWord)
    .filter(Boolean);
  const word = words.find((w) => !keyStopWords.has(w)) ?? words[0] ?? '';
  return `${who}${date.year}${word}`;
}

function bibtexName({ given, family, suffix }: PersonName): string {
  return [family, suffix, given.join(' ')].filter(Boolean).map(escapeBibtex).join(', ');
}

function isoDay({ year, month, day }: LondonDate): string {
  return [year, month, day].map((n) => String(n).padStart(2, '0')).join('-');
}

/** URLs are verbatim in biblatex, so only braces and spaces, which would break the field, change. */
function bibtexUrl(url: string): string {
  return clean(url).replace(/[{}\\ ]/g, (char) => encodeURIComponent(char));
}

function formatBibtex(input: CitationInput, names: PersonName[], date: LondonDate): string {
  const publisher = escapeBibtex(input.publisher);
  // Double braces keep an organisation whole instead of inverting it as "Institute, Northgate".
  const author = names.length > 0 ? names.map(bibtexName).join(' and ') : `{${publisher}}`;
  const { publication } = input;
  const fields: [string, string][] = [
    ['author', `{${author}}`],
    ['title', `{{${escapeBibtex(input.title)}}}`],
    ['organization', `{${publisher}}`],
    ['year', `{${date.year}}`],
    ['month', bibtexMonths[date.month - 1] ?? ''],
    ['url', `{${bibtexUrl(publication?.pdfUrl ?? input.url)}}`],
    ['note', `{${escapeBibtex(publication?.pdfUrl ? `${input.kind}, PDF` : input.kind)}}`],
  ];
  if (publication?.doi) fields.push(['doi', `{${bibtexUrl(publication.doi)}}`]);
  if (publication?.isbn) fields.push(['isbn', `{${escapeBibtex(publication.isbn)}}`]);
  if (input.accessedAt) fields.push(['urldate', `{${isoDay(londonDate(input.accessedAt))}}`]);
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n');
  return `@misc{${bibtexKey(input, names, date)},\n${body},\n}`;
}

export function formatCitations(input: CitationInput): Citations {
  const names = input.authors
    .map((author) => parseName(author.name))
    .filter((name) => name.family !== '');
  const date = londonDate(input.publishedAt);
  return {
    apa: formatApa(input, names, date),
    chicago: formatChicago(input, names, date),
    bibtex: formatBibtex(input, names, date),
  };
}
