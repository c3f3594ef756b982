import { describe, expect, it } from 'vitest';
import {
  decideImport,
  importLimits,
  readImportFile,
  readMoment,
  type ImportFile,
} from '@/lib/newsletters/import-file';

const now = new Date('2025-06-01T12:00:00Z');
const bytes = (text: string) => new TextEncoder().encode(text);
const read = (text: string) => readImportFile(bytes(text), now);

function rowsOf(file: ImportFile) {
  if (!file.ok) throw new Error(file.message);
  return file;
}

const exportHeader =
  'E-mail,List,Status,Source,Consent wording,Consent at (UTC),Confirmed at (UTC),Unsubscribed at (UTC)';

describe('a subscribers file', () => {
  it('reads the columns our export writes, undoing what it does to formulas', () => {
    const file = rowsOf(
      read(
        `\uFEFF${exportHeader}\r\n'-ann@example.org,weekly,subscribed,form,"Send me it, please",2025-01-02T03:04:05.000Z,2025-01-02T03:10:00.000Z,\r\nbob@example.org,events,unsubscribed,soft_opt_in,Words,2024-12-01T00:00:00.000Z,,2025-02-01T00:00:00.000Z\r\n`,
      ),
    );
    expect(file.problems).toEqual([]);
    expect(file.rows).toEqual([
      {
        line: 2,
        email: '-ann@example.org',
        list: 'weekly',
        status: 'subscribed',
        source: 'form',
        consentText: 'Send me it, please',
        consentAt: new Date('2025-01-02T03:04:05Z'),
        confirmedAt: new Date('2025-01-02T03:10:00Z'),
        unsubscribedAt: null,
      },
      expect.objectContaining({
        line: 3,
        status: 'unsubscribed',
        source: 'soft_opt_in',
        unsubscribedAt: new Date('2025-02-01T00:00:00Z'),
      }),
    ]);
  });

  it('reads the short form, in any order and case, with addresses trimmed and lower-cased', () => {
    const file = rowsOf(
      read('Status,EMAIL,newsletter\n Subscribed , Ann@Example.ORG ,The Weekly Briefing\n'),
    );
    expect(file.rows).toEqual([
      expect.objectContaining({
        email: 'ann@example.org',
        list: 'The Weekly Briefing',
        status: 'subscribed',
        source: null,
        consentText: null,
        consentAt: null,
      }),
    ]);
  });

  it('takes the status and source labels the admin shows', () => {
    const file = rowsOf(
      read(
        'email,list,status,source\na@example.org,w,Waiting to confirm,Sign-up form\nb@example.org,w,UNSUBSCRIBED,Soft opt-in\n',
      ),
    );
    expect(file.rows.map((row) => [row.status, row.source])).toEqual([
      ['pending', 'form'],
      ['unsubscribed', 'soft_opt_in'],
    ]);
  });

  it('reports each bad line by its number, and skips blank lines', () => {
    const file = rowsOf(
      read(
        [
          'email,list,status,consent at',
          'not-an-address,weekly,subscribed,',
          ',,,',
          'a@example.org,,subscribed,',
          'b@example.org,weekly,lapsed,',
          'c@example.org,weekly,subscribed,2025-02-30',
          'd@example.org,weekly,subscribed,2030-01-01T00:00:00Z',
          'e@example.org,weekly,subscribed,,extra',
          'f@example.org,weekly,subscribed,2025-05-31 09:30:00',
        ].join('\n'),
      ),
    );
    expect(file.problems).toEqual([
      { line: 2, message: '“not-an-address” is not an e-mail address.' },
      { line: 4, message: 'The newsletter is missing.' },
      {
        line: 5,
        message:
          'The status “lapsed” is not one we know: write subscribed, pending or unsubscribed.',
      },
      { line: 6, message: 'The consent time: “2025-02-30” is not a real date.' },
      { line: 7, message: 'The consent time: “2030-01-01T00:00:00Z” is in the future.' },
      { line: 8, message: 'It has 5 cells; the first line names 4 columns.' },
    ]);
    expect(file.rows).toEqual([
      expect.objectContaining({ line: 9, consentAt: new Date('2025-05-31T09:30:00Z') }),
    ]);
  });

  it('refuses a contradiction between the status and an unsubscription time', () => {
    const file = rowsOf(
      read(`${exportHeader}\na@example.org,w,subscribed,,,,,2025-01-01T00:00:00Z\n`),
    );
    expect(file.problems[0]?.message).toMatch(/unsubscription time, but its status is subscribed/);
  });

  it('keeps a formula in a cell as text: it is an address or wording like any other', () => {
    const file = rowsOf(
      read(
        'email,list,status,consent wording\n=cmd|calc@example.org,w,subscribed,=HYPERLINK("x")\n',
      ),
    );
    expect(file.problems).toEqual([
      { line: 2, message: '“=cmd|calc@example.org” is not an e-mail address.' },
    ]);
    const wording = rowsOf(
      read('email,list,status,consent wording\na@example.org,w,subscribed,=1+1\n'),
    );
    expect(wording.rows[0]?.consentText).toBe('=1+1');
  });
});

describe('a file that cannot be imported at all', () => {
  it('says why', () => {
    expect(read('')).toEqual({ ok: false, message: 'The file is empty.' });
    expect(read('\uFEFF\r\n\r\n')).toEqual({ ok: false, message: 'The file is empty.' });
    expect(read('email,list,status\r\n')).toEqual({
      ok: false,
      message: 'The file has no subscribers under its first line.',
    });
    expect(read('a@example.org,weekly,subscribed\n')).toMatchObject({
      message: expect.stringMatching(/^The first line must name the columns/),
    });
    expect(read('email;list;status\na@example.org;w;subscribed\n')).toMatchObject({
      message: expect.stringMatching(/separated by semicolons/),
    });
    expect(read('email,list,colour\n')).toMatchObject({
      message: expect.stringMatching(/^Column 3, “colour”, is not one we read/),
    });
    expect(read('email,list\n')).toMatchObject({
      message: expect.stringMatching(/at least the columns E-mail, List and Status/),
    });
    expect(read('email,list,status,email\n')).toMatchObject({
      message: 'Column 4, “email”, repeats an earlier column.',
    });
    expect(read('email,list,status\n"a@example.org,w,subscribed\n')).toEqual({
      ok: false,
      message: 'Line 2: A quoted cell is never closed.',
    });
  });

  it('refuses a binary file, and text that is not UTF-8', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const message = expect.stringMatching(/^This is not a CSV file saved as UTF-8 text/);
    expect(readImportFile(png, now)).toMatchObject({ ok: false, message });
    // "Siân" in Windows-1252.
    const latin1 = new Uint8Array([
      ...bytes('email,list,status\nsi'),
      0xe2,
      ...bytes('n@x.org,w,subscribed\n'),
    ]);
    expect(readImportFile(latin1, now)).toMatchObject({ ok: false, message });
    expect(readImportFile(bytes('email,list,status\na\0@x.org,w,subscribed'), now)).toMatchObject({
      message,
    });
  });

  it('refuses more than its size and its rows', () => {
    const big = new Uint8Array(importLimits.maxBytes + 1).fill(0x61);
    expect(readImportFile(big, now)).toEqual({
      ok: false,
      message: 'The file is larger than 5 MB: split it into smaller files.',
    });
    const many = `email,list,status\n${'a@x.org,w,subscribed\n'.repeat(importLimits.maxRows + 1)}`;
    expect(read(many)).toEqual({
      ok: false,
      message:
        'The file has 50,001 rows; an import takes at most 50,000. Split it into smaller files.',
    });
  });
});

describe('a date in a file', () => {
  it('is read as ISO 8601, in UTC unless it says otherwise', () => {
    expect(readMoment('2025-01-02', now)).toEqual(new Date('2025-01-02T00:00:00Z'));
    expect(readMoment('2025-01-02T03:04', now)).toEqual(new Date('2025-01-02T03:04:00Z'));
    expect(readMoment('2025-01-02T03:04:05+0100', now)).toEqual(new Date('2025-01-02T02:04:05Z'));
    expect(readMoment(' ', now)).toBeNull();
    expect(readMoment('02/01/2025', now)).toMatch(/is not a date and time like/);
    expect(readMoment('2025-13-01', now)).toMatch(/is not a real date/);
    expect(readMoment('2025-01-01T25:00', now)).toMatch(/is not a real date/);
  });
});

describe('what an imported row does', () => {
  it('never subscribes someone who unsubscribed', () => {
    expect(decideImport('unsubscribed', 'subscribed', false)).toBe('keptUnsubscribed');
    expect(decideImport('unsubscribed', 'pending', false)).toBe('keptUnsubscribed');
    expect(decideImport('unsubscribed', 'unsubscribed', false)).toBe('unchanged');
  });

  it('records an unsubscription the file gives, and never makes a subscription pending again', () => {
    expect(decideImport('subscribed', 'unsubscribed', false)).toBe('unsubscribe');
    expect(decideImport('pending', 'unsubscribed', true)).toBe('unsubscribe');
    expect(decideImport('subscribed', 'pending', false)).toBe('unchanged');
    expect(decideImport('subscribed', 'subscribed', false)).toBe('unchanged');
    expect(decideImport('pending', 'subscribed', false)).toBe('confirm');
  });

  it('adds new subscriptions, but none to a retired list', () => {
    expect(decideImport(undefined, 'subscribed', false)).toBe('add');
    expect(decideImport(undefined, 'unsubscribed', false)).toBe('add');
    expect(decideImport(undefined, 'subscribed', true)).toBe('retired');
    expect(decideImport('pending', 'subscribed', true)).toBe('retired');
  });
});
