import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import { pages, type Page } from '@/db/schema';
import { isId } from '@/lib/editorial/article-record';
import type { PageSnapshot } from './page-input';

/** A page as the editing form needs it: saved fields plus where it stands. */
export interface EditablePage extends Pick<
  Page,
  'id' | 'version' | 'status' | 'publishedAt' | 'createdAt' | 'updatedAt'
> {
  fields: PageSnapshot;
}

const editableColumns = {
  id: pages.id,
  version: pages.version,
  status: pages.status,
  publishedAt: pages.publishedAt,
  createdAt: pages.createdAt,
  updatedAt: pages.updatedAt,
  title: pages.title,
  slug: pages.slug,
  summary: pages.summary,
  body: pages.body,
  inNavigation: pages.inNavigation,
  inFooter: pages.inFooter,
  menuLabel: pages.menuLabel,
  menuPosition: pages.menuPosition,
  showsFunders: pages.showsFunders,
};

type Row = { [K in keyof typeof editableColumns]: Page[K] };

function toEditable(row: Row): EditablePage {
  const { id, version, status, publishedAt, createdAt, updatedAt, ...fields } = row;
  return { id, version, status, publishedAt, createdAt, updatedAt, fields };
}

export async function loadEditablePage(
  db: Database | Transaction,
  id: string,
): Promise<EditablePage | null> {
  const [row] = await db.select(editableColumns).from(pages).where(eq(pages.id, id));
  return row ? toEditable(row) : null;
}

/** A page with every saved field, drafts included, for the editing form; null if none. */
export async function getPageForEditing(id: string): Promise<EditablePage | null> {
  return isId(id) ? loadEditablePage(getDb(), id) : null;
}

/** A page at a slug whatever its status, for staff to preview a draft where it will live. */
export async function getPageForPreview(slug: string): Promise<EditablePage | null> {
  const [row] = await getDb().select(editableColumns).from(pages).where(eq(pages.slug, slug));
  return row ? toEditable(row) : null;
}

export type PageListEntry = Pick<
  Page,
  'id' | 'title' | 'slug' | 'status' | 'inNavigation' | 'inFooter' | 'menuPosition' | 'updatedAt'
>;

/** Every page for the editors' list, by title. */
export function listPagesForAdmin(): Promise<PageListEntry[]> {
  return getDb()
    .select({
      id: pages.id,
      title: pages.title,
      slug: pages.slug,
      status: pages.status,
      inNavigation: pages.inNavigation,
      inFooter: pages.inFooter,
      menuPosition: pages.menuPosition,
      updatedAt: pages.updatedAt,
    })
    .from(pages)
    .orderBy(asc(pages.title));
}
