import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, auditLog, authors, documents, media, users, type UserRole } from '@/db/schema';
import { anonymousReader, type Actor, type Reader } from '@/lib/auth/who';
import { getArticle } from '@/lib/content/queries/articles';
import type { ArticleInput } from '@/lib/editorial/article-input';
import { getArticleForEditing, type EditableArticle } from '@/lib/editorial/article-record';
import { createArticle, updateArticle } from '@/lib/editorial/articles';
import { publishArticle } from '@/lib/editorial/publishing';
import { listRevisions, restoreRevision } from '@/lib/editorial/revisions';
import { uploadDocument } from '@/lib/publications/documents';
import { decidePdfAccess, pdfDisposition, readPdfFile } from '@/lib/publications/download';
import { listPublications, listPublicationYears } from '@/lib/publications/listing';
import { matchEnd, matchStart } from '@/lib/search/markers';
import { parseSearchParams } from '@/lib/search/query';
import { searchArticles } from '@/lib/search/search';
import { makePdf } from '@/tests/support/pdf';

// Read when the storage is first used, which is after this line: files land in a throwaway folder.
const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'publications-'));
process.env.MEDIA_STORAGE_DIR = storageDir;
afterAll(() => fs.rmSync(storageDir, { recursive: true, force: true }));

const member: Reader = { membersOnly: true, tiers: [] };
// Next's cache is not there to revalidate outside a request.
const noRevalidation = () => {};
// Words found only inside the PDFs, never in a title, standfirst or body.
const pdfWord = 'thornwhistle';
const membersPdfWord = 'glimmerfaust';

let counter = 0;
let editor: Actor;
let reader: Actor;
let authorId: string;
let imageId: string;

async function makeUser(role: UserRole): Promise<Actor> {
  const [row] = await getDb()
    .insert(users)
    .values({ email: `${role}-${++counter}@example.org`, role })
    .returning({ id: users.id });
  return { id: row!.id };
}

function form(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    title: `Tidal power and the grid ${++counter}`,
    kind: 'report',
    standfirst: 'What tidal lagoons could add.',
    body: 'The body says little.',
    authorIds: [authorId],
    visibility: 'public',
    ...overrides,
  };
}

async function upload(pages: string[], filename = 'report.pdf') {
  const result = await uploadDocument(editor, { bytes: await makePdf(pages), filename });
  if (!result.ok) throw new Error(result.error);
  return result;
}

async function created(input: ArticleInput): Promise<EditableArticle> {
  const result = await createArticle(editor, input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.article;
}

async function documentText(id: string) {
  const [row] = await getDb()
    .select({ text: articles.documentText })
    .from(articles)
    .where(eq(articles.id, id));
  return row!.text;
}

const search = (q: string, as: Reader = anonymousReader) =>
  searchArticles(parseSearchParams({ q }), as);

beforeAll(async () => {
  editor = await makeUser('editor');
  reader = await makeUser('member');
  const [author] = await getDb()
    .insert(authors)
    .values({ slug: 'nia-pdf', name: 'Nia Pdf' })
    .returning({ id: authors.id });
  authorId = author!.id;
  const [image] = await getDb()
    .insert(media)
    .values({
      storageKey: 'images/demo/wind-field.jpg',
      mimeType: 'image/jpeg',
      width: 1600,
      height: 900,
      bytes: 1000,
      alt: 'Wind',
    })
    .returning({ id: media.id });
  imageId = image!.id;
});

describe('uploading a PDF', () => {
  it('stores it under its hash with its pages and text; the same bytes again give the same row', async () => {
    const bytes = await makePdf(['Page one of the lagoon study', 'Page two']);
    const first = await uploadDocument(editor, {
      bytes,
      filename: 'C:\\Users\\me\\Lagoon study.PDF',
    });
    const second = await uploadDocument(editor, { bytes, filename: 'renamed.pdf' });
    if (!first.ok || !second.ok) throw new Error('upload refused');
    expect(first.alreadyUploaded).toBe(false);
    expect(second).toMatchObject({ alreadyUploaded: true, document: { id: first.document.id } });
    expect(first.document).toMatchObject({
      pageCount: 2,
      filename: 'Lagoon study.pdf',
      bytes: bytes.byteLength,
      text: 'Page one of the lagoon study Page two',
      storageKey: expect.stringMatching(/^documents\/[0-9a-f]{64}\.pdf$/),
    });
    const file = await readPdfFile(first.document.storageKey);
    expect(Buffer.from(file!.bytes).equals(bytes)).toBe(true);
    const [rows] = await getDb()
      .select({ value: count() })
      .from(documents)
      .where(eq(documents.storageKey, first.document.storageKey));
    expect(rows!.value).toBe(1);
    const audits = await getDb()
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'document.uploaded'), eq(auditLog.subjectId, first.document.id)),
      );
    expect(audits).toHaveLength(1);
  });

  it('refuses what is not a PDF, and anyone but staff, storing nothing', async () => {
    const before = await getDb().select({ value: count() }).from(documents);
    expect(
      await uploadDocument(editor, {
        bytes: new TextEncoder().encode('GIF89a'),
        filename: 'x.pdf',
      }),
    ).toEqual({ ok: false, error: expect.stringMatching(/not a PDF/) });
    expect(
      await uploadDocument(reader, {
        bytes: await makePdf(['A member’s file']),
        filename: 'm.pdf',
      }),
    ).toEqual({ ok: false, error: 'Only editors and administrators can upload PDFs.' });
    expect(await getDb().select({ value: count() }).from(documents)).toEqual(before);
  });
});

describe('a publication’s PDF on save', () => {
  it('sets document_text from the chosen PDF and clears it when none is chosen', async () => {
    const pdf = await upload([`The lagoon ${pdfWord} study`], 'lagoon.pdf');
    const article = await created(
      form({
        documentId: pdf.document.id,
        coverImageId: imageId,
        coverAlt: 'A cover of blue strokes',
        keyFindings: '- Lagoons pay back slowly.',
        isbn: '978-1-915123-04-6',
        doi: 'https://doi.org/10.55555/ngi.test',
      }),
    );
    expect(await documentText(article.id)).toContain(pdfWord);
    expect(article.fields).toMatchObject({ doi: '10.55555/ngi.test', isbn: '978-1-915123-04-6' });

    const cleared = await updateArticle(editor, article.id, {
      ...article.fields,
      documentId: null,
      expectedVersion: article.version,
    });
    if (!cleared.ok) throw new Error(JSON.stringify(cleared));
    expect(await documentText(article.id)).toBe('');

    // Restoring the first version brings its PDF, and its text, back.
    const [, firstRevision] = await listRevisions(article.id);
    const restored = await restoreRevision(
      editor,
      article.id,
      firstRevision!.id,
      cleared.article.version,
    );
    if (!restored.ok) throw new Error(JSON.stringify(restored));
    expect(restored.article.fields.documentId).toBe(pdf.document.id);
    expect(await documentText(article.id)).toContain(pdfWord);
  });

  it('drops the publication fields when the kind is not a publication', async () => {
    const pdf = await upload([`Commentary attachment ${++counter}`]);
    const article = await created(
      form({
        kind: 'commentary',
        documentId: pdf.document.id,
        keyFindings: '- None',
        isbn: '0306406152',
      }),
    );
    expect(article.fields).toMatchObject({ documentId: null, keyFindings: '', isbn: null });
    expect(await documentText(article.id)).toBe('');
  });

  it('refuses a bad ISBN or DOI, a cover without a description and a PDF that does not exist', async () => {
    const result = await createArticle(
      editor,
      form({
        isbn: '978-1-915123-04-7',
        doi: '11.2/x',
        coverImageId: imageId,
        documentId: '00000000-0000-4000-8000-000000000000',
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      fieldErrors: {
        isbn: expect.stringMatching(/check digit/),
        doi: expect.stringMatching(/10\./),
        coverAlt: expect.stringMatching(/Describe the cover/),
      },
    });
    const missing = await createArticle(
      editor,
      form({ documentId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(missing).toMatchObject({
      ok: false,
      fieldErrors: { documentId: expect.stringMatching(/removed/) },
    });
  });

  it('gives a PDF to one publication only, so a members’ PDF cannot be made public by another', async () => {
    const pdf = await upload([`Carried once ${++counter}`]);
    const members = await created(
      form({ documentId: pdf.document.id, visibility: 'members', title: 'The members’ briefing' }),
    );
    const refused = await createArticle(editor, form({ documentId: pdf.document.id }));
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: {
        documentId: expect.stringContaining('already the PDF of “The members’ briefing”'),
      },
    });
    // Its own publication keeps it through a save.
    const saved = await updateArticle(editor, members.id, {
      ...members.fields,
      expectedVersion: members.version,
    });
    expect(saved.ok).toBe(true);
  });
});

describe('the PDF’s text in search, and who may download it', () => {
  let publicSlug = '';
  let membersSlug = '';

  beforeAll(async () => {
    const open = await upload([`Open text with ${pdfWord} tidewater`]);
    const closed = await upload([`Members text with ${membersPdfWord} only`]);
    const publicArticle = await created(form({ documentId: open.document.id }));
    const membersArticle = await created(
      form({ documentId: closed.document.id, visibility: 'members', kind: 'briefing' }),
    );
    await publishArticle(editor, publicArticle.id, noRevalidation);
    await publishArticle(editor, membersArticle.id, noRevalidation);
    publicSlug = publicArticle.fields.slug;
    membersSlug = membersArticle.fields.slug;
  });

  it('finds a public publication by a word only its PDF holds, and quotes the PDF', async () => {
    const result = await search('tidewater');
    expect(result.items.map((item) => item.slug)).toEqual([publicSlug]);
    expect(result.items[0]).toMatchObject({
      snippetFrom: 'pdf',
      snippet: expect.stringContaining(`${matchStart}tidewater${matchEnd}`),
    });
  });

  it('never matches or quotes a members-only PDF’s text for a reader who may not read it', async () => {
    expect((await search(membersPdfWord)).items).toEqual([]);
    // Found by its title, it is quoted from what the public may read.
    const byTitle = await search(`tidal power grid or ${membersPdfWord}`);
    expect(byTitle.items.map((item) => item.slug)).toContain(membersSlug);
    expect(JSON.stringify(byTitle)).not.toContain(membersPdfWord);
    const theirs = await search(membersPdfWord, member);
    expect(theirs.items.map((item) => item.slug)).toEqual([membersSlug]);
    expect(theirs.items[0]).toMatchObject({
      snippetFrom: 'pdf',
      snippet: expect.stringContaining(`${matchStart}${membersPdfWord}${matchEnd}`),
    });
  });

  it('applies the body’s rule to the PDF', async () => {
    expect(await decidePdfAccess(publicSlug, anonymousReader)).toMatchObject({
      outcome: 'allowed',
      public: true,
      version: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
    expect(await decidePdfAccess(membersSlug, anonymousReader)).toEqual({ outcome: 'refused' });
    expect(await decidePdfAccess(membersSlug, { membersOnly: false, tiers: [] })).toEqual({
      outcome: 'refused',
    });
    expect(await decidePdfAccess(membersSlug, member)).toMatchObject({
      outcome: 'allowed',
      public: false,
    });
    expect(await decidePdfAccess('no-such-publication', member)).toEqual({ outcome: 'not-found' });
  });

  it('keeps a draft’s PDF from everyone, and shows key findings only to those who may read', async () => {
    const pdf = await upload([`Draft text ${++counter}`]);
    const draft = await created(form({ documentId: pdf.document.id }));
    expect(await decidePdfAccess(draft.fields.slug, member)).toEqual({ outcome: 'not-found' });

    const other = await upload([`Findings text ${++counter}`]);
    const findings = await created(
      form({
        visibility: 'members',
        keyFindings: '- A finding for members',
        documentId: other.document.id,
      }),
    );
    await publishArticle(editor, findings.id, noRevalidation);
    const anonymous = await getArticle(findings.fields.slug, anonymousReader);
    expect(anonymous?.publication).toMatchObject({
      keyFindings: null,
      document: { pageCount: 1, href: expect.stringMatching(/\/pdf\?v=[0-9a-f]{12}$/) },
    });
    const theirs = await getArticle(findings.fields.slug, member);
    expect(theirs?.publication?.keyFindings).toBe('- A finding for members');
  });

  it('lists publications by type and year', async () => {
    const all = await listPublications({}, 1, 50);
    expect(all.items.map((item) => item.slug)).toEqual(
      expect.arrayContaining([publicSlug, membersSlug]),
    );
    expect(all.items.every((item) => ['report', 'briefing', 'paper'].includes(item.kind))).toBe(
      true,
    );
    const briefings = await listPublications({ kind: 'briefing' }, 1, 50);
    expect(briefings.items.map((item) => item.slug)).toEqual([membersSlug]);
    expect(briefings.items[0]?.document).toMatchObject({ pageCount: 1 });
    const year = new Date().getUTCFullYear();
    expect(await listPublicationYears()).toContain(year);
    expect((await listPublications({ year: year - 5 }, 1, 50)).items).toEqual([]);
  });
});

describe('pdfDisposition', () => {
  it('names the file safely for every client', () => {
    expect(pdfDisposition('Réforme "fiscale"; 2026.pdf')).toBe(
      `attachment; filename="Reforme fiscale 2026.pdf"; filename*=UTF-8''R%C3%A9forme%20%22fiscale%22%3B%202026.pdf`,
    );
  });
});

describe('editing keeps the fields', () => {
  it('loads every publication field for the form', async () => {
    const pdf = await upload([`Form fields ${++counter}`]);
    const article = await created(form({ documentId: pdf.document.id, isbn: '0-306-40615-2' }));
    const editable = await getArticleForEditing(article.id);
    expect(editable?.fields).toMatchObject({ documentId: pdf.document.id, isbn: '0-306-40615-2' });
  });
});
