// Administrators import subscribers from a CSV file (lib/newsletters/import-file.ts reads it):
// first a preview of what it would change, then the same file applied, all or nothing, audited.
import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import {
  newsletterLists,
  newsletterSubscribers,
  newsletterSubscriptions,
  newsletterSuppressions,
  users,
  type SubscriptionStatus,
} from '@/db/schema';
import { recordAdminAction } from '@/lib/admin/audit';
import { assertAdmin, type Actor } from '@/lib/auth/who';
import { formatLongDate } from '@/lib/time/london';
import {
  decideImport,
  readImportFile,
  type ImportDecision,
  type ImportRow,
  type LineProblem,
} from './import-file';

export interface ImportCounts {
  /** Rows under the header, those with problems included. */
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  keptUnsubscribed: number;
  retired: number;
  /** Rows whose address is on the suppression list: imported, but sent nothing. */
  suppressed: number;
  problems: number;
}

export type ImportResult =
  | { ok: false; message: string }
  | {
      ok: true;
      /** The SHA-256 of the file previewed, which the import itself must match. */
      hash: string;
      counts: ImportCounts;
      /** The first problems, by line; the count has them all. */
      problems: LineProblem[];
      applied: boolean;
    };

export interface ImportUpload {
  bytes: Uint8Array;
  fileName: string;
}

const problemsShown = 100;
const lookupChunk = 1000;
const writeChunk = 500;

const notPreviewed =
  'This is not the file that was previewed: nothing has been imported. Preview it again.';

/** What importing the file would change, without changing anything. */
export async function previewSubscriberImport(
  actor: Actor,
  upload: ImportUpload,
  now = new Date(),
): Promise<ImportResult> {
  return getDb().transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const planned = await plan(tx, upload, now, false);
    return planned.ok ? summary(planned, false) : planned;
  });
}

/**
 * Imports the file previewed (`hash` says which), read and checked again against the database
 * as it is now: with any problem nothing changes, else every row is applied in one transaction
 * and the import is audited.
 */
export async function applySubscriberImport(
  actor: Actor,
  upload: ImportUpload & { hash: string },
  now = new Date(),
): Promise<ImportResult> {
  return getDb().transaction(async (tx) => {
    await assertAdmin(tx, actor);
    if (fileHash(upload.bytes) !== upload.hash) return { ok: false, message: notPreviewed };
    const planned = await plan(tx, upload, now, true);
    if (!planned.ok) return planned;
    if (planned.problems.length) return summary(planned, false);
    const fileName = cleanFileName(upload.fileName);
    const [admin] = await tx
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, actor.id));
    const consentText = `Imported by ${admin!.email} on ${formatLongDate(now)} from ${fileName}.`;
    await write(tx, planned, consentText, now);
    const result = summary(planned, true);
    await recordAdminAction(tx, actor, 'newsletter_subscribers.imported', {
      file: fileName,
      bytes: upload.bytes.byteLength,
      sha256: planned.hash,
      counts: result.counts,
    });
    return result;
  });
}

interface PlannedRow extends ImportRow {
  listId: string;
  decision: ImportDecision;
}

interface Plan {
  ok: true;
  hash: string;
  rows: PlannedRow[];
  total: number;
  problems: LineProblem[];
  subscribers: Map<string, string>;
  suppressed: number;
}

const fileHash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// As the person's computer named it, without folders or control characters, for the consent.
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, 200);
  return clean || 'an uploaded file';
}

async function plan(
  tx: Transaction,
  upload: ImportUpload,
  now: Date,
  lock: boolean,
): Promise<Plan | { ok: false; message: string }> {
  const file = readImportFile(upload.bytes, now);
  if (!file.ok) return file;
  const lists = await tx
    .select({
      id: newsletterLists.id,
      slug: newsletterLists.slug,
      name: newsletterLists.name,
      archived: newsletterLists.archived,
    })
    .from(newsletterLists);
  const problems = [...file.problems];
  const named: (ImportRow & { listId: string; retired: boolean })[] = [];
  const seen = new Map<string, number>();
  for (const row of file.rows) {
    const found = findList(lists, row.list);
    if (typeof found === 'string') {
      problems.push({ line: row.line, message: found });
      continue;
    }
    const key = `${row.email} ${found.id}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        line: row.line,
        message: `It repeats line ${earlier}: ${row.email} on ${found.name}. Keep one of them.`,
      });
      continue;
    }
    seen.set(key, row.line);
    named.push({ ...row, listId: found.id, retired: found.archived });
  }
  const emails = [...new Set(named.map((row) => row.email))];
  const current = await currentState(tx, emails, lock);
  const rows = named.map(({ retired, ...row }) => {
    const subscriberId = current.subscribers.get(row.email);
    const status = subscriberId ? current.statuses.get(`${subscriberId} ${row.listId}`) : undefined;
    return { ...row, decision: decideImport(status, row.status, retired) };
  });
  return {
    ok: true,
    hash: fileHash(upload.bytes),
    rows,
    total: file.rows.length + file.problems.length,
    problems: problems.sort((a, b) => a.line - b.line),
    subscribers: current.subscribers,
    suppressed: rows.filter((row) => current.suppressed.has(row.email)).length,
  };
}

type ListRef = { id: string; slug: string; name: string; archived: boolean };

// By slug first, as our export names lists; else by name, whatever its capitals.
function findList(lists: ListRef[], given: string): ListRef | string {
  const bySlug = lists.find((list) => list.slug === given.toLowerCase());
  if (bySlug) return bySlug;
  const byName = lists.filter((list) => list.name.toLowerCase() === given.toLowerCase());
  if (byName.length === 1) return byName[0]!;
  const shown = given.slice(0, 80);
  return byName.length
    ? `More than one newsletter is called “${shown}”: name it by its slug.`
    : `There is no newsletter “${shown}”: name it by its slug or its name.`;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function currentState(tx: Transaction, emails: string[], lock: boolean) {
  const subscribers = new Map<string, string>();
  const statuses = new Map<string, SubscriptionStatus>();
  const suppressed = new Set<string>();
  for (const some of chunks(emails, lookupChunk)) {
    const found = await tx
      .select({ id: newsletterSubscribers.id, email: newsletterSubscribers.email })
      .from(newsletterSubscribers)
      .where(inArray(newsletterSubscribers.email, some));
    for (const { id, email } of found) subscribers.set(email, id);
    const ids = found.map(({ id }) => id);
    if (ids.length) {
      const query = tx
        .select({
          subscriberId: newsletterSubscriptions.subscriberId,
          listId: newsletterSubscriptions.listId,
          status: newsletterSubscriptions.status,
        })
        .from(newsletterSubscriptions)
        .where(inArray(newsletterSubscriptions.subscriberId, ids));
      // While an import is applied, nobody else changes the subscriptions it decided about.
      const held = lock ? await query.for('update') : await query;
      for (const row of held) statuses.set(`${row.subscriberId} ${row.listId}`, row.status);
    }
    const barred = await tx
      .select({ email: newsletterSuppressions.email })
      .from(newsletterSuppressions)
      .where(inArray(newsletterSuppressions.email, some));
    for (const { email } of barred) suppressed.add(email);
  }
  return { subscribers, statuses, suppressed };
}

function summary(planned: Plan, applied: boolean): Extract<ImportResult, { ok: true }> {
  const count = (...decisions: ImportDecision[]) =>
    planned.rows.filter((row) => decisions.includes(row.decision)).length;
  return {
    ok: true,
    hash: planned.hash,
    counts: {
      rows: planned.total,
      added: count('add'),
      updated: count('confirm', 'unsubscribe'),
      unchanged: count('unchanged'),
      keptUnsubscribed: count('keptUnsubscribed'),
      retired: count('retired'),
      suppressed: planned.suppressed,
      problems: planned.problems.length,
    },
    problems: planned.problems.slice(0, problemsShown),
    applied,
  };
}

async function write(tx: Transaction, planned: Plan, consentText: string, now: Date) {
  const changing = planned.rows.filter((row) =>
    ['add', 'confirm', 'unsubscribe'].includes(row.decision),
  );
  const subscribers = await addSubscribers(
    tx,
    planned.subscribers,
    changing.map((row) => row.email),
  );
  const record = (row: PlannedRow) => {
    const consentAt = row.consentAt ?? now;
    return {
      subscriberId: subscribers.get(row.email)!,
      listId: row.listId,
      status: row.status,
      source: row.source ?? 'import',
      consentText: row.consentText ?? consentText,
      consentAt,
      confirmedAt: row.status === 'subscribed' ? (row.confirmedAt ?? consentAt) : row.confirmedAt,
      unsubscribedAt: row.status === 'unsubscribed' ? (row.unsubscribedAt ?? now) : null,
    };
  };
  const target = [newsletterSubscriptions.subscriberId, newsletterSubscriptions.listId];
  // The guard holds even against a reader who unsubscribed a moment ago.
  const notUnsubscribed = sql`${newsletterSubscriptions.status} <> 'unsubscribed'`;
  const recorded = changing.filter((row) => row.decision !== 'unsubscribe');
  for (const some of chunks(recorded, writeChunk)) {
    await tx
      .insert(newsletterSubscriptions)
      .values(some.map(record))
      .onConflictDoUpdate({
        target,
        set: {
          status: sql`excluded.status`,
          source: sql`excluded.source`,
          consentText: sql`excluded.consent_text`,
          consentAt: sql`excluded.consent_at`,
          confirmedAt: sql`excluded.confirmed_at`,
          unsubscribedAt: sql`excluded.unsubscribed_at`,
          updatedAt: now,
        },
        setWhere: notUnsubscribed,
      });
  }
  // Leaving a list keeps the consent it had, as a reader's own unsubscription does.
  const leaving = changing.filter((row) => row.decision === 'unsubscribe');
  for (const some of chunks(leaving, writeChunk)) {
    await tx
      .insert(newsletterSubscriptions)
      .values(some.map(record))
      .onConflictDoUpdate({
        target,
        set: {
          status: 'unsubscribed',
          unsubscribedAt: sql`excluded.unsubscribed_at`,
          updatedAt: now,
        },
        setWhere: notUnsubscribed,
      });
  }
}

/** Every address's subscriber id, adding the new ones, each tied to the account with its address. */
async function addSubscribers(
  tx: Transaction,
  known: Map<string, string>,
  emails: string[],
): Promise<Map<string, string>> {
  const ids = new Map(known);
  const fresh = [...new Set(emails.filter((email) => !ids.has(email)))];
  for (const some of chunks(fresh, writeChunk)) {
    // An account whose subscriber row has another address (it changed) keeps that row.
    const accounts = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(
        and(
          inArray(users.email, some),
          sql`not exists (select 1 from ${newsletterSubscribers} where ${newsletterSubscribers.userId} = ${users.id})`,
        ),
      );
    const account = new Map(accounts.map(({ id, email }) => [email, id]));
    await tx
      .insert(newsletterSubscribers)
      .values(some.map((email) => ({ email, userId: account.get(email) ?? null })))
      .onConflictDoNothing({ target: newsletterSubscribers.email });
    const added = await tx
      .select({ id: newsletterSubscribers.id, email: newsletterSubscribers.email })
      .from(newsletterSubscribers)
      .where(inArray(newsletterSubscribers.email, some));
    for (const { id, email } of added) ids.set(email, id);
  }
  return ids;
}
