import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { authors, coverage, pressContacts } from '@/db/schema';
import { isId } from '@/lib/editorial/article-record';

// The press office's rows as /press shows them and editors edit them. Like the other editorial
// reads they do not check the role; the admin pages call requireStaff first.

export interface PressContactRow {
  id: string;
  name: string;
  role: string;
  email: string;
  phone: string;
  hours: string;
  position: number;
}

export interface CoverageRow {
  id: string;
  title: string;
  outlet: string;
  publishedOn: string;
  url: string;
  authorId: string | null;
  person: { slug: string; name: string } | null;
}

export async function listPressContacts(): Promise<PressContactRow[]> {
  return getDb()
    .select({
      id: pressContacts.id,
      name: pressContacts.name,
      role: pressContacts.role,
      email: pressContacts.email,
      phone: pressContacts.phone,
      hours: pressContacts.hours,
      position: pressContacts.position,
    })
    .from(pressContacts)
    .orderBy(asc(pressContacts.position), asc(pressContacts.name), asc(pressContacts.id));
}

export async function getPressContact(id: string): Promise<PressContactRow | null> {
  if (!isId(id)) return null;
  return (await listPressContacts()).find((row) => row.id === id) ?? null;
}

/** Coverage newest first; `limit` for /press, none for the editors' list. */
export async function listCoverage(limit?: number): Promise<CoverageRow[]> {
  const query = getDb()
    .select({
      id: coverage.id,
      title: coverage.title,
      outlet: coverage.outlet,
      publishedOn: coverage.publishedOn,
      url: coverage.url,
      authorId: coverage.authorId,
      personSlug: authors.slug,
      personName: authors.name,
    })
    .from(coverage)
    .leftJoin(authors, eq(authors.id, coverage.authorId))
    .orderBy(desc(coverage.publishedOn), desc(coverage.createdAt), asc(coverage.id))
    .$dynamic();
  const rows = await (limit === undefined ? query : query.limit(limit));
  return rows.map(({ personSlug, personName, ...row }) => ({
    ...row,
    person: personSlug && personName ? { slug: personSlug, name: personName } : null,
  }));
}

export async function getCoverage(id: string): Promise<CoverageRow | null> {
  if (!isId(id)) return null;
  const [row] = await getDb()
    .select({
      id: coverage.id,
      title: coverage.title,
      outlet: coverage.outlet,
      publishedOn: coverage.publishedOn,
      url: coverage.url,
      authorId: coverage.authorId,
    })
    .from(coverage)
    .where(eq(coverage.id, id));
  return row ? { ...row, person: null } : null;
}
