// Reading a subscribers' CSV file into rows an import can apply, before the database is asked
// anything: the columns our export writes (so an export imports again as it was), or the short
// form `email,list,status`. Every problem is reported with its line.
import {
  subscriptionSources,
  subscriptionStatuses,
  type SubscriptionSource,
  type SubscriptionStatus,
} from '@/db/schema';
import { cellValue, readCsv } from '@/lib/admin/csv';
import { emailSchema } from '@/lib/auth/password-policy';
import { sourceLabels, statusLabels } from './labels';

export const importLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 50_000,
  maxConsentLength: 2000,
} as const;

export interface ImportRow {
  line: number;
  email: string;
  /** The newsletter as the file names it: its slug or its name. */
  list: string;
  status: SubscriptionStatus;
  /** Null when the file does not say. */
  source: SubscriptionSource | null;
  consentText: string | null;
  consentAt: Date | null;
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
}

/** What a row does to the subscription it names. */
export type ImportDecision =
  'add' | 'confirm' | 'unsubscribe' | 'unchanged' | 'keptUnsubscribed' | 'retired';

/**
 * The import's rules, for one address on one list. Someone who unsubscribed stays unsubscribed,
 * whatever the file says: only they can subscribe again. A file that records an unsubscription
 * is that person's choice, and is applied. A subscription is never turned back into a pending
 * one, and a confirmed consent already held is kept rather than replaced by the file's. A
 * retired list takes no new subscribers.
 */
export function decideImport(
  current: SubscriptionStatus | undefined,
  wanted: SubscriptionStatus,
  retired: boolean,
): ImportDecision {
  if (current === 'unsubscribed')
    return wanted === 'unsubscribed' ? 'unchanged' : 'keptUnsubscribed';
  if (wanted === 'unsubscribed') return current ? 'unsubscribe' : retired ? 'retired' : 'add';
  if (!current) return retired ? 'retired' : 'add';
  if (current === 'pending' && wanted === 'subscribed') return retired ? 'retired' : 'confirm';
  return 'unchanged';
}

export interface LineProblem {
  line: number;
  message: string;
}

export type ImportFile =
  { ok: true; rows: ImportRow[]; problems: LineProblem[] } | { ok: false; message: string };

type Column =
  | 'email'
  | 'list'
  | 'status'
  | 'source'
  | 'consentText'
  | 'consentAt'
  | 'confirmedAt'
  | 'unsubscribedAt';

// Header names as our export writes them, and the spellings a person typing a file would use;
// compared in lower case, without "(UTC)" and with single spaces.
const columnNames: Record<string, Column> = {
  'e-mail': 'email',
  email: 'email',
  'e-mail address': 'email',
  'email address': 'email',
  list: 'list',
  newsletter: 'list',
  status: 'status',
  source: 'source',
  'consent wording': 'consentText',
  'consent text': 'consentText',
  'consent at': 'consentAt',
  'confirmed at': 'confirmedAt',
  'unsubscribed at': 'unsubscribedAt',
};

const required: Column[] = ['email', 'list', 'status'];

const headerName = (cell: string) =>
  cell
    .replace(/\(utc\)/i, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

const spelled = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  new Map(
    values.flatMap((value) => [
      [value, value],
      [value.replaceAll('_', ' '), value],
      [value.replaceAll('_', '-'), value],
      [labels[value].toLowerCase().replaceAll('’', "'"), value],
    ]),
  );

const statuses = spelled(subscriptionStatuses, statusLabels);
const sources = spelled(subscriptionSources, sourceLabels);

const known = (map: Map<string, string>, cell: string) =>
  map.get(cell.trim().toLowerCase().replaceAll('’', "'"));

const isoMoment =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An ISO 8601 date or moment, as our export writes it (UTC) or a spreadsheet saves it
 * (`2024-05-01 09:30:00`, read as UTC, as the export's columns are). Null when blank; a string
 * saying what is wrong when it is no real date or lies ahead.
 */
export function readMoment(cell: string, now: Date): Date | null | string {
  const text = cell.trim();
  if (!text) return null;
  const parts = isoMoment.exec(text);
  if (!parts) return `“${text.slice(0, 40)}” is not a date and time like 2024-05-01T09:30:00Z.`;
  const [, year, month, day, time = '00:00', zone = 'Z'] = parts;
  const offset = /^[+-]\d{4}$/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const moment = new Date(`${year}-${month}-${day}T${time}${offset.toUpperCase()}`);
  // Date rolls 31 April over into May: the calendar day must be the one written.
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (
    Number.isNaN(moment.getTime()) ||
    calendar.getUTCMonth() !== Number(month) - 1 ||
    calendar.getUTCDate() !== Number(day)
  ) {
    return `“${text}” is not a real date.`;
  }
  // A few minutes' grace for a clock that runs ahead of ours.
  if (moment.getTime() > now.getTime() + 5 * 60_000) return `“${text}” is in the future.`;
  return moment;
}

function readHeader(cells: string[]): { columns: Column[] } | { message: string } {
  if (cells.length === 1 && cells[0]!.includes(';')) {
    return {
      message:
        'The columns are separated by semicolons. Save the file as “CSV (comma delimited)” and upload it again.',
    };
  }
  if (cells.some((cell) => cell.includes('@'))) {
    return {
      message:
        'The first line must name the columns, such as “email,list,status”, not hold a subscriber.',
    };
  }
  const columns: Column[] = [];
  for (const [index, cell] of cells.entries()) {
    const column = columnNames[headerName(cell)];
    if (!column) {
      return {
        message: `Column ${index + 1}, “${cell.trim()}”, is not one we read. The columns are E-mail, List and Status, and optionally Source, Consent wording, Consent at, Confirmed at and Unsubscribed at.`,
      };
    }
    if (columns.includes(column)) {
      return { message: `Column ${index + 1}, “${cell.trim()}”, repeats an earlier column.` };
    }
    columns.push(column);
  }
  const missing = required.filter((column) => !columns.includes(column));
  if (missing.length) {
    return {
      message: `The first line must name at least the columns E-mail, List and Status; ${missing.length === 1 ? 'one is' : 'some are'} missing.`,
    };
  }
  return { columns };
}

function readRow(
  line: number,
  cells: Map<Column, string>,
  now: Date,
): { row: ImportRow } | { problem: string } {
  const cell = (column: Column) => cells.get(column) ?? '';
  const rawEmail = cell('email').trim();
  if (!rawEmail) return { problem: 'The e-mail address is missing.' };
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success) return { problem: `“${rawEmail.slice(0, 80)}” is not an e-mail address.` };
  const list = cell('list').trim();
  if (!list) return { problem: 'The newsletter is missing.' };
  const status = known(statuses, cell('status')) as SubscriptionStatus | undefined;
  if (!status) {
    return {
      problem: `The status “${cell('status').trim().slice(0, 40)}” is not one we know: write subscribed, pending or unsubscribed.`,
    };
  }
  const sourceCell = cell('source').trim();
  const source = sourceCell ? (known(sources, sourceCell) as SubscriptionSource | undefined) : null;
  if (source === undefined) {
    return {
      problem: `The source “${sourceCell.slice(0, 40)}” is not one we know: write form, account, join, import or soft_opt_in, or leave it blank.`,
    };
  }
  const consentText = cell('consentText').trim();
  if (consentText.length > importLimits.maxConsentLength) {
    return {
      problem: `The consent wording is longer than ${importLimits.maxConsentLength} characters.`,
    };
  }
  const moments: Partial<Record<Column, Date | null>> = {};
  for (const [column, name] of [
    ['consentAt', 'consent time'],
    ['confirmedAt', 'confirmation time'],
    ['unsubscribedAt', 'unsubscription time'],
  ] as const) {
    const moment = readMoment(cell(column), now);
    if (typeof moment === 'string') return { problem: `The ${name}: ${moment}` };
    moments[column] = moment;
  }
  if (moments.unsubscribedAt && status !== 'unsubscribed') {
    return {
      problem: `It gives an unsubscription time, but its status is ${status}: check the columns.`,
    };
  }
  return {
    row: {
      line,
      email: email.data,
      list,
      status,
      source,
      consentText: consentText || null,
      consentAt: moments.consentAt ?? null,
      confirmedAt: moments.confirmedAt ?? null,
      unsubscribedAt: moments.unsubscribedAt ?? null,
    },
  };
}

/**
 * The rows of an uploaded file and the problems of its lines; or why the file as a whole cannot
 * be read (not UTF-8 text, too large, no header, no rows). Lines whose cells are all blank are
 * skipped, as spreadsheets leave them.
 */
export function readImportFile(bytes: Uint8Array, now = new Date()): ImportFile {
  if (bytes.byteLength > importLimits.maxBytes) {
    return {
      ok: false,
      message: `The file is larger than ${importLimits.maxBytes / 1024 / 1024} MB: split it into smaller files.`,
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = '\0';
  }
  if (text.includes('\0')) {
    return {
      ok: false,
      message:
        'This is not a CSV file saved as UTF-8 text. Save it from your spreadsheet as “CSV UTF-8” and upload it again.',
    };
  }
  const csv = readCsv(text);
  if (!csv.ok) return { ok: false, message: `Line ${csv.line}: ${csv.message}` };
  const records = csv.records.filter((record) => record.cells.some((cell) => cell.trim()));
  const [header, ...body] = records;
  if (!header) return { ok: false, message: 'The file is empty.' };
  const read = readHeader(header.cells);
  if ('message' in read) return { ok: false, message: read.message };
  if (!body.length)
    return { ok: false, message: 'The file has no subscribers under its first line.' };
  if (body.length > importLimits.maxRows) {
    return {
      ok: false,
      message: `The file has ${body.length.toLocaleString('en-GB')} rows; an import takes at most ${importLimits.maxRows.toLocaleString('en-GB')}. Split it into smaller files.`,
    };
  }
  const rows: ImportRow[] = [];
  const problems: LineProblem[] = [];
  for (const { line, cells } of body) {
    if (cells.length > read.columns.length) {
      problems.push({
        line,
        message: `It has ${cells.length} cells; the first line names ${read.columns.length} columns.`,
      });
      continue;
    }
    const named = new Map(
      read.columns.map((column, index) => [column, cellValue(cells[index] ?? '')]),
    );
    const result = readRow(line, named, now);
    if ('row' in result) rows.push(result.row);
    else problems.push({ line, message: result.problem });
  }
  return { ok: true, rows, problems };
}
