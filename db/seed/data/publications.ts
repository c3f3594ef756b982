import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { articleAuthors, articles, articleTopics, documents } from '@/db/schema';
import { documentKeyFor } from '@/lib/publications/keys';
import { readPdf } from '@/lib/publications/pdf';
import { getStorage } from '@/lib/storage';
import type { SeedArticle } from './article-type';
import { seedMedia } from './catalogue';
import { gridReportPdf, procurementBriefingPdf } from './publication-pdfs';

interface SeedPublication extends SeedArticle {
  pdf: { make: () => Promise<Buffer>; filename: string };
  cover: { image: string; alt: string };
  keyFindings: string;
  isbn?: string;
  doi?: string;
}

export const seedPublications: SeedPublication[] = [
  {
    slug: 'clearing-the-grid-connection-queue',
    kind: 'report',
    title: 'Clearing the queue: connecting clean power to the grid',
    standfirst:
      'More than 700 gigawatts of projects wait for a grid connection. Five reforms would halve the wait for the ones that will be built.',
    publishedAt: '2026-11-05T08:00:00Z',
    authors: ['priya-raman', 'daniel-achterberg'],
    topics: ['energy-climate', 'united-kingdom'],
    pdf: { make: gridReportPdf, filename: 'Northgate - Clearing the queue (2026).pdf' },
    hero: {
      image: 'skyline-bars',
      caption:
        'Projects waiting for a connection now add up to more than eleven times peak demand.',
    },
    cover: {
      image: 'wind-field',
      alt: 'Report cover: short blue strokes flowing like wind across a pale background',
    },
    keyFindings: `- Projects holding connection offers add up to more than **eleven times** peak demand; fewer than one in four will be built.
- The median offered connection date for a new battery project is **nine years** after application.
- Each year of delay costs households about **£1.4 billion** through wholesale prices and constraint payments.
- A refundable security per megawatt and consent before capacity would halve the wait within three years.`,
    isbn: '978-1-915123-04-6',
    doi: '10.55555/ngi.2026.07',
    body: `Britain has more electricity generation and storage waiting to connect to the grid than it will need in 2050. The queue those projects form decides when the ones that will actually be built can begin to generate.

This report estimates what the delay costs, explains why the reforms made since 2023 have only partly worked, and sets out five changes that need no new legislation. The full report, with its chart of the queue by technology and a table of the annual cost of delay, is in the PDF.

## Five reforms

1. A refundable security of £10,000 per megawatt to hold a place in the queue.
2. Planning consent, not merely an application, before a project holds capacity beyond 2030.
3. The queue published in full, project by project.
4. Network companies planning on the capacity they expect to connect, not the capacity that has applied.
5. Flexible connections by default, for projects that accept curtailment at times of congestion.`,
  },
  {
    slug: 'buying-readiness-defence-procurement',
    kind: 'briefing',
    title: 'Buying readiness: five questions for defence procurement',
    standfirst:
      'The defence budget is about to grow faster than any other. Five questions the spending review should put to every large programme first.',
    publishedAt: '2026-10-28T08:00:00Z',
    visibility: 'members',
    authors: ['tomasz-wren'],
    topics: ['security-defence', 'united-kingdom'],
    pdf: { make: procurementBriefingPdf, filename: 'Northgate briefing - Buying readiness.pdf' },
    hero: {
      image: 'ledger-columns',
      caption: 'Cost growth, not headline budgets, decides what the money buys.',
    },
    cover: {
      image: 'concentric-rings',
      alt: 'Briefing cover: grey concentric rings beside a deep red panel',
    },
    keyFindings: `- Fund munitions stocks and spares before new platforms.
- Publish a readiness measure alongside the equipment plan.
- Every programme over £1 billion should show the off-the-shelf alternative it rejected, and why.`,
    body: `Growth in the defence budget is an opportunity only if the money buys forces that are ready within months, not platforms that arrive in the 2040s.

## The five questions

- What does the programme add to readiness within three years?
- Which stocks of munitions and spares does it depend on, and are they funded?
- Could an ally’s existing design meet the need sooner?
- What happens if costs rise by a quarter, as the average programme’s have?
- Who holds the skills it needs, and will they still be there in ten years?

The briefing's PDF sets out the cost growth of major programmes since approval, by domain.`,
  },
];

interface Ids {
  mediaIds: Map<string, string>;
  authorIds: Map<string, string>;
  seriesIds: Map<string, string>;
  topicIds: Map<string, string>;
}

function must<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Seed data names an unknown ${what}: ${key}`);
  return value;
}

async function storeDocument(tx: Transaction, pdf: SeedPublication['pdf']) {
  const bytes = await pdf.make();
  const reading = await readPdf(bytes);
  if (!reading.ok) throw new Error(`The demo PDF ${pdf.filename} does not read: ${reading.error}`);
  const storageKey = documentKeyFor(bytes);
  await getStorage().put(storageKey, bytes, 'application/pdf');
  await tx
    .insert(documents)
    .values({
      storageKey,
      bytes: bytes.byteLength,
      pageCount: reading.pageCount,
      filename: pdf.filename,
      text: reading.text,
    })
    .onConflictDoNothing({ target: documents.storageKey });
  const [row] = await tx
    .select({ id: documents.id, text: documents.text })
    .from(documents)
    .where(eq(documents.storageKey, storageKey));
  return row!;
}

/**
 * The demo publications, each with a PDF drawn now, stored through the storage module and read
 * as an upload is. One that exists already keeps whatever editors have done to it.
 */
export async function seedPublicationArticles(tx: Transaction, ids: Ids): Promise<number> {
  let created = 0;
  for (const item of seedPublications) {
    const [existing] = await tx
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.slug, item.slug));
    if (existing) continue;
    const document = await storeDocument(tx, item.pdf);
    const [inserted] = await tx
      .insert(articles)
      .values({
        slug: item.slug,
        kind: item.kind,
        title: item.title,
        standfirst: item.standfirst,
        body: item.body,
        status: 'published',
        visibility: item.visibility ?? 'public',
        publishedAt: new Date(item.publishedAt!),
        seriesId: item.series ? must(ids.seriesIds, item.series, 'series') : null,
        heroImageId: item.hero
          ? must(ids.mediaIds, `images/demo/${item.hero.image}.jpg`, 'image')
          : null,
        heroAlt: item.hero
          ? seedMedia.find((image) => image.key === `images/demo/${item.hero!.image}.jpg`)!.alt
          : null,
        heroCaption: item.hero?.caption ?? null,
        heroCredit: item.hero ? 'Illustration: Northgate Institute' : null,
        documentId: document.id,
        documentText: document.text,
        coverImageId: must(ids.mediaIds, `images/demo/${item.cover.image}.jpg`, 'image'),
        coverAlt: item.cover.alt,
        keyFindings: item.keyFindings,
        isbn: item.isbn ?? null,
        doi: item.doi ?? null,
      })
      .returning({ id: articles.id });
    created++;
    await tx.insert(articleAuthors).values(
      item.authors.map((slug, position) => ({
        articleId: inserted!.id,
        authorId: must(ids.authorIds, slug, 'author'),
        position,
      })),
    );
    await tx.insert(articleTopics).values(
      item.topics.map((slug) => ({
        articleId: inserted!.id,
        topicId: must(ids.topicIds, slug, 'topic'),
      })),
    );
  }
  return created;
}
