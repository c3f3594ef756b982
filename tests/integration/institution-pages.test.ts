import { asc, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, pageRevisions, users, type UserRole } from '@/db/schema';
import { AdminOnlyError, ForbiddenError, type Actor } from '@/lib/auth/who';
import { readContentVersion } from '@/lib/cache/content-watch';
import type { Revalidator } from '@/lib/editorial/revalidate';
import {
  deleteFunder,
  deleteFundingYear,
  getFundingReport,
  saveFunder,
  saveFundingYear,
} from '@/lib/funding/funding';
import type { PageInput } from '@/lib/pages/page-input';
import type { EditablePage } from '@/lib/pages/page-record';
import {
  createPage,
  listPageRevisions,
  publishPage,
  restorePageRevision,
  unpublishPage,
  updatePage,
} from '@/lib/pages/pages';
import { getPublishedPage, listMenuPages } from '@/lib/pages/public';

let counter = 0;
let editor: Actor;
let admin: Actor;
const revalidated: string[][] = [];
const record: Revalidator = (tags) => {
  revalidated.push(tags);
};

async function makeUser(role: UserRole): Promise<Actor> {
  const [row] = await getDb()
    .insert(users)
    .values({ email: `${role}-${++counter}@example.org`, role })
    .returning({ id: users.id });
  return { id: row!.id };
}

async function created(overrides: Partial<PageInput> = {}): Promise<EditablePage> {
  const result = await createPage(editor, {
    title: `Our trustees ${++counter}`,
    summary: 'Who governs the Institute.',
    body: 'The board meets **quarterly**.',
    inFooter: true,
    menuPosition: 5,
    ...overrides,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.page;
}

const edit = (page: EditablePage, overrides: Partial<PageInput> = {}) => ({
  ...page.fields,
  expectedVersion: page.version,
  ...overrides,
});

async function auditActions(subjectId: string) {
  const rows = await getDb()
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.subjectId, subjectId))
    .orderBy(asc(auditLog.id));
  return rows.map((row) => row.action);
}

beforeAll(async () => {
  [editor, admin] = await Promise.all([makeUser('editor'), makeUser('admin')]);
});

describe('pages', () => {
  it('creates a draft with a slug from its title, a first revision and an audit row', async () => {
    const page = await created({ title: 'Our Trustees & Board' });
    expect(page.fields.slug).toBe('our-trustees-and-board');
    expect(page.status).toBe('draft');
    expect(page.version).toBe(1);
    const [revisions] = await getDb()
      .select({ n: count() })
      .from(pageRevisions)
      .where(eq(pageRevisions.pageId, page.id));
    expect(revisions!.n).toBe(1);
    expect(await auditActions(page.id)).toEqual(['page.created']);
    expect(await getPublishedPage(page.fields.slug)).toBeNull();
  });

  it('refuses a slug another page has, or one of the site’s own routes', async () => {
    const first = await created({ slug: 'governance' });
    expect(first.fields.slug).toBe('governance');
    const taken = await createPage(editor, { title: 'Governance again', slug: 'governance' });
    expect(taken).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!taken.ok && taken.fieldErrors.slug).toMatch(/Another page already uses/);
    const route = await createPage(editor, { title: 'Press', slug: 'press' });
    expect(!route.ok && route.fieldErrors.slug).toMatch(/belongs to another part of the site/);
    // A blank slug made from a route's name steps aside.
    const search = await created({ title: 'Search', slug: '' });
    expect(search.fields.slug).toBe('search-2');
  });

  it('refuses a save over a version someone else has replaced, changing nothing', async () => {
    const page = await created();
    const saved = await updatePage(editor, page.id, edit(page, { title: 'Trustees' }), record);
    expect(saved.ok).toBe(true);
    const stale = await updatePage(editor, page.id, edit(page, { title: 'Board' }), record);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
    expect(!stale.ok && stale.reason === 'conflict' && stale.conflict.current.fields.title).toBe(
      'Trustees',
    );
  });

  it('keeps a revision of each save and restores an earlier one as the next version', async () => {
    const page = await created({ body: 'First words.' });
    const second = await updatePage(editor, page.id, edit(page, { body: 'Second words.' }), record);
    if (!second.ok) throw new Error('not saved');
    const revisions = await listPageRevisions(page.id);
    expect(revisions.map((revision) => revision.version)).toEqual([2, 1]);
    const first = revisions.find((revision) => revision.version === 1)!;
    const stale = await restorePageRevision(editor, page.id, first.id, 1, record);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
    const restored = await restorePageRevision(editor, page.id, first.id, 2, record);
    expect(restored).toMatchObject({
      ok: true,
      page: { version: 3, fields: { body: 'First words.' } },
    });
    expect(await auditActions(page.id)).toEqual(['page.created', 'page.updated', 'page.restored']);
  });

  it('publishing and unpublishing move what the public reads, the menus and the version', async () => {
    const page = await created({ title: 'Annual report', inNavigation: true, menuLabel: 'Report' });
    const slug = page.fields.slug;
    revalidated.length = 0;
    const before = await readContentVersion();
    expect(await publishPage(editor, page.id, record)).toMatchObject({
      ok: true,
      page: { status: 'published' },
    });
    expect(await readContentVersion()).toBe(before + 1);
    expect(revalidated).toEqual([['pages']]);
    expect(await getPublishedPage(slug)).toMatchObject({ title: 'Annual report' });
    expect(await listMenuPages()).toContainEqual({
      slug,
      label: 'Report',
      inNavigation: true,
      inFooter: true,
    });

    // A published page's save shows at once.
    const saved = await updatePage(
      editor,
      page.id,
      edit(page, { title: 'Annual report 2025' }),
      record,
    );
    expect(saved.ok).toBe(true);
    expect(await getPublishedPage(slug)).toMatchObject({ title: 'Annual report 2025' });

    await unpublishPage(editor, page.id, record);
    expect(await getPublishedPage(slug)).toBeNull();
    expect((await listMenuPages()).map((item) => item.slug)).not.toContain(slug);
    expect(await auditActions(page.id)).toEqual([
      'page.created',
      'page.published',
      'page.updated',
      'page.unpublished',
    ]);
  });

  it('puts a page whose position is left blank after the last page in its menus', async () => {
    const position = async (overrides: Partial<PageInput>) =>
      (await created({ inNavigation: false, inFooter: false, ...overrides })).fields.menuPosition;
    // Beyond every other page of this file, so these are the last in each menu.
    expect(await position({ inNavigation: true, menuPosition: 900 })).toBe(900);
    const header = await created({ inNavigation: true, inFooter: false, menuPosition: '' });
    expect(header.fields.menuPosition).toBe(910);
    expect(await position({ inFooter: true, menuPosition: 950 })).toBe(950);
    expect(await position({ inFooter: true, menuPosition: undefined })).toBe(960);
    // The footer's pages do not push a header page along.
    expect(await position({ inNavigation: true, menuPosition: '  ' })).toBe(920);
    // A page in neither menu goes after the last of either, for when it is placed in one.
    expect(await position({ menuPosition: null })).toBe(970);

    // Blanked when editing: after the last of the others.
    const moved = await updatePage(editor, header.id, edit(header, { menuPosition: '' }), record);
    expect(moved).toMatchObject({ ok: true, page: { fields: { menuPosition: 930 } } });
    // A position typed stays as typed, 0 included.
    expect(await position({ inNavigation: true, menuPosition: '0' })).toBe(0);
    expect(await createPage(editor, { title: 'Half', menuPosition: '2.5' })).toMatchObject({
      ok: false,
      fieldErrors: { menuPosition: 'Enter the position as a whole number, such as 10.' },
    });

    // Never past the form's highest position.
    expect(await position({ inFooter: true, menuPosition: 1000 })).toBe(1000);
    expect(await position({ inFooter: true, menuPosition: '' })).toBe(1000);
  });

  it('is for editors and admins only', async () => {
    const member = await makeUser('member');
    await expect(createPage(member, { title: 'Nope' })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await createPage(admin, { title: 'Admins may' })).ok).toBe(true);
  });
});

describe('funding', () => {
  it('adds, changes and deletes funders and income, audited, for admins only', async () => {
    await expect(
      saveFunder(editor, null, { name: 'A', band: 'from_5k', year: 2030 }, record),
    ).rejects.toBeInstanceOf(AdminOnlyError);

    const before = await readContentVersion();
    revalidated.length = 0;
    const added = await saveFunder(
      admin,
      null,
      { name: 'Kestrel Trust', band: 'from_25k', year: 2030, purpose: 'Trade', url: '' },
      record,
    );
    if (!added.ok) throw new Error(JSON.stringify(added));
    await saveFunder(
      admin,
      null,
      { name: 'Big Foundation', band: 'from_250k', year: 2030 },
      record,
    );
    await saveFunder(admin, null, { name: 'A reader', band: 'under_5k', year: 2030 }, record);
    expect(await readContentVersion()).toBe(before + 3);
    expect(revalidated).toEqual([['funding'], ['funding'], ['funding']]);

    const income = await saveFundingYear(
      admin,
      null,
      { year: '2030', totalIncome: '£1,250,000.50', note: 'Unaudited' },
      record,
    );
    expect(income.ok).toBe(true);
    const report = (await getFundingReport()).find((year) => year.year === 2030)!;
    expect(report.totalIncomePence).toBe(125_000_050);
    expect(report.funders.map((funder) => funder.name)).toEqual([
      'Big Foundation',
      'Kestrel Trust',
      'A reader',
    ]);

    const changed = await saveFunder(
      admin,
      added.id,
      { name: 'Kestrel Trust', band: 'from_100k', year: 2030, url: 'HTTPS://kestrel.example' },
      record,
    );
    expect(changed.ok).toBe(true);
    expect(await deleteFunder(admin, added.id, record)).toEqual({ ok: true });
    expect(await deleteFunder(admin, added.id, record)).toMatchObject({ reason: 'not-found' });
    expect(await deleteFundingYear(admin, 2030, record)).toEqual({ ok: true });
    expect(await auditActions(added.id)).toEqual([
      'funder.created',
      'funder.updated',
      'funder.deleted',
    ]);
    expect(await auditActions('2030')).toEqual(['funding_year.created', 'funding_year.deleted']);
  });

  it('says so when a funder is entered twice for a year, or a year’s income twice', async () => {
    await saveFunder(admin, null, { name: 'Twice Trust', band: 'from_5k', year: 2031 }, record);
    const again = await saveFunder(
      admin,
      null,
      { name: 'Twice Trust', band: 'from_25k', year: 2031 },
      record,
    );
    expect(again).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!again.ok && again.reason === 'invalid' && again.fieldErrors.name).toBe(
      'Twice Trust is already listed for 2031. Edit that entry instead, or check the year.',
    );
    // The same name in another year is another row.
    expect(
      (await saveFunder(admin, null, { name: 'Twice Trust', band: 'from_5k', year: 2032 }, record))
        .ok,
    ).toBe(true);

    await saveFundingYear(admin, null, { year: '2031', totalIncome: '100' }, record);
    const year = await saveFundingYear(admin, null, { year: '2031', totalIncome: '200' }, record);
    expect(!year.ok && year.reason === 'invalid' && year.fieldErrors.year).toMatch(
      /already recorded/,
    );
    const bad = await saveFundingYear(admin, null, { year: '31', totalIncome: 'lots' }, record);
    expect(bad).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!bad.ok && bad.reason === 'invalid' && Object.keys(bad.fieldErrors).sort()).toEqual([
      'totalIncome',
      'year',
    ]);
  });
});
