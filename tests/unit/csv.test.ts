import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellValue, readCsv, toCsv } from '@/lib/admin/csv';

const records = (text: string) => {
  const read = readCsv(text);
  if (!read.ok) throw new Error(`line ${read.line}: ${read.message}`);
  return read.records;
};

describe('reading CSV', () => {
  it('splits cells and records, dropping a byte-order mark', () => {
    expect(records('\uFEFFemail,list\r\na@example.org,weekly\r\n')).toEqual([
      { line: 1, cells: ['email', 'list'] },
      { line: 2, cells: ['a@example.org', 'weekly'] },
    ]);
  });

  it('reads LF, CRLF and CR line endings, mixed, and a last line without one', () => {
    expect(records('a,b\n1,2\r\n3,4\r5,6').map((record) => record.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted cells, and counts lines as an editor does', () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\r\n"two\r\nlines",z\r\n\r\nlast,"\n"\r\n';
    expect(records(text)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\r\nlines', 'z'] },
      { line: 5, cells: [''] },
      { line: 6, cells: ['last', '\n'] },
    ]);
  });

  it('keeps empty cells, a trailing comma included', () => {
    expect(records(',a,,\n').map((record) => record.cells)).toEqual([['', 'a', '', '']]);
    expect(records('')).toEqual([]);
  });

  it('keeps a quote inside an unquoted cell as text, as spreadsheets do', () => {
    expect(records('5" floppy,b').map((record) => record.cells)).toEqual([['5" floppy', 'b']]);
  });

  it('says on which line a quoted cell is never closed, or is followed by more text', () => {
    expect(readCsv('a,b\r\n1,"open\r\nstill open')).toEqual({
      ok: false,
      line: 2,
      message: 'A quoted cell is never closed.',
    });
    expect(readCsv('a\n"one\ntwo"x,y')).toMatchObject({ ok: false, line: 3 });
  });

  it('reads back whatever the export writes', () => {
    // Except a cell that itself starts with an apostrophe and a formula's first character (it
    // reads back without the apostrophe), and a byte-order mark, which a file may start with.
    const cell = fc
      .string({ unit: 'binary', maxLength: 20 })
      .filter((text) => !/^('[=+\-@\t\r]|\uFEFF)/.test(text));
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 5 }),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 5 }),
        (header, rows) => {
          const read = readCsv(toCsv(header, rows));
          if (!read.ok) return false;
          const cells = read.records.map((record) => record.cells.map(cellValue));
          expect(cells).toEqual([header, ...rows]);
          return true;
        },
      ),
    );
  });

  it('undoes what the export does to a cell a spreadsheet would run as a formula, and nothing else', () => {
    expect(toCsv(['a'], [['=cmd()']])).toBe("a\r\n'=cmd()\r\n");
    expect(cellValue("'=cmd()")).toBe('=cmd()');
    expect(cellValue("'-1")).toBe('-1');
    expect(cellValue("'quoted'")).toBe("'quoted'");
    expect(cellValue('=cmd()')).toBe('=cmd()');
  });
});
