// CSV (RFC 4180) as administrators download and upload it. The reader is written here rather
// than taken from a package: an import reports each problem by the line a person sees in their
// editor, and the parsers on npm we tried count a line break inside a quoted cell of a CRLF file
// as two lines.

// A spreadsheet runs a cell starting with one of these as a formula, even from a CSV file.
const formulaStart = /^[=+\-@\t\r]/;
const writtenAsText = /^'[=+\-@\t\r]/;

function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** A cell as it was before toCsv wrote it as text, so an import reads back what we exported. */
export function cellValue(cell: string): string {
  return writtenAsText.test(cell) ? cell.slice(1) : cell;
}

export interface CsvRecord {
  /** The line the record starts on, from 1, as an editor numbers the file's lines. */
  line: number;
  cells: string[];
}

export type CsvReadResult =
  { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/**
 * The records of a CSV text: cells split by commas, records by CRLF, LF or CR, quoted cells
 * holding commas, quotes (doubled) and line breaks. A leading byte-order mark is dropped; an
 * empty line is a record of one empty cell. A quote inside an unquoted cell is kept as text, as
 * spreadsheets read it; a quoted cell never closed, or followed by more than a comma or the end
 * of its line, is an error at its line.
 */
export function readCsv(text: string): CsvReadResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let index = 0;
  const length = source.length;
  while (index < length) {
    let cell = '';
    if (source[index] === '"') {
      const openedOn = line;
      index += 1;
      for (;;) {
        const quote = source.indexOf('"', index);
        if (quote === -1) {
          return { ok: false, line: openedOn, message: 'A quoted cell is never closed.' };
        }
        const part = source.slice(index, quote);
        line += lineBreaks(part);
        cell += part;
        if (source[quote + 1] === '"') {
          cell += '"';
          index = quote + 2;
          continue;
        }
        index = quote + 1;
        break;
      }
      const next = source[index];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        return {
          ok: false,
          line,
          message: 'A quoted cell is followed by more text: put the whole cell inside the quotes.',
        };
      }
    } else {
      let end = index;
      while (end < length && source[end] !== ',' && source[end] !== '\n' && source[end] !== '\r') {
        end += 1;
      }
      cell = source.slice(index, end);
      index = end;
    }
    cells.push(cell);
    const separator = source[index];
    if (separator === ',') {
      index += 1;
      // A comma at the very end still ends an (empty) last cell.
      if (index === length) cells.push('');
      else continue;
    } else if (separator === '\r' || separator === '\n') {
      index += separator === '\r' && source[index + 1] === '\n' ? 2 : 1;
      line += 1;
    }
    records.push({ line: recordLine, cells });
    cells = [];
    recordLine = line;
  }
  return { ok: true, records };
}

/** Line breaks in a stretch of text, CRLF counted once. */
function lineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\n') count += 1;
    else if (char === '\r') {
      count += 1;
      if (text[i + 1] === '\n') i += 1;
    }
  }
  return count;
}
