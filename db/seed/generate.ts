import { inArray, like, sql } from 'drizzle-orm';
import type { Database } from '../client';
import {
  articleAuthors,
  articleKinds,
  articles,
  articleTopics,
  authors,
  media,
  series,
  topics,
  type ArticleKind,
  type ArticleStatus,
  type ArticleVisibility,
} from '../schema';
import { seedMedia } from './data/catalogue';

/**
 * Generated articles, for measuring the site at scale. Every slug starts with this prefix, so
 * they are easy to find, count and delete, and never collide with an editor's slug.
 */
export const generatedSlugPrefix = 'generated-';

// Rows per multi-row insert: about 16 parameters per article keeps a batch far below
// PostgreSQL's 65,535-parameter limit, and large enough that round trips do not dominate.
const batchSize = 1000;

// Generated work ends before the demo articles begin, so the home page still leads with them.
const newest = Date.parse('2026-06-01T00:00:00Z');
const spanHours = 10 * 365 * 24;
const hour = 3_600_000;

// Words rather than lorem ipsum, so full-text search sees a realistic spread: a few words in
// most articles, many in some, and a handful (the rare list) in almost none.
const subjects = [
  'inflation',
  'productivity',
  'housing',
  'pensions',
  'energy',
  'tariffs',
  'migration',
  'deterrence',
  'semiconductors',
  'procurement',
  'devolution',
  'welfare',
  'healthcare',
  'broadband',
  'railways',
  'fisheries',
  'farming',
  'shipping',
  'sanctions',
  'elections',
  'universities',
  'apprenticeships',
  'hydrogen',
  'batteries',
  'grid',
  'water',
  'policing',
  'courts',
  'prisons',
  'childcare',
  'borrowing',
  'taxation',
  'subsidies',
  'alliances',
  'diplomacy',
  'cybersecurity',
  'satellites',
  'fertiliser',
  'steel',
  'ports',
  'vaccines',
  'hospitals',
  'wages',
  'savings',
  'mortgages',
  'landlords',
  'councils',
  'regulators',
  'competition',
  'startups',
  'exports',
  'supply',
  'ammunition',
  'drones',
  'nuclear',
  'wind',
  'solar',
  'carbon',
  'flooding',
  'heatwaves',
  'drought',
  'refugees',
  'borders',
  'treaties',
];
const qualities = [
  'fragile',
  'resilient',
  'overlooked',
  'costly',
  'uneven',
  'quiet',
  'stubborn',
  'rising',
  'falling',
  'regional',
  'global',
  'local',
  'hidden',
  'unfinished',
  'contested',
  'modest',
  'ambitious',
  'delayed',
  'urgent',
  'durable',
  'narrow',
  'broad',
  'slow',
  'sudden',
];
const verbs = [
  'reshapes',
  'strains',
  'rewards',
  'outpaces',
  'undermines',
  'supports',
  'redraws',
  'complicates',
  'tests',
  'lifts',
  'weakens',
  'exposes',
  'funds',
  'delays',
  'accelerates',
];
const places = [
  'Britain',
  'Europe',
  'Scotland',
  'Wales',
  'the North',
  'London',
  'the Baltic',
  'the Gulf',
  'Asia',
  'Africa',
  'the Americas',
  'the Pacific',
  'the Channel',
  'the Midlands',
  'Ireland',
];
const fillers = [
  'the evidence suggests',
  'ministers argue',
  'the data show',
  'critics warn',
  'our modelling finds',
  'households report',
  'firms expect',
  'economists disagree',
  'the record is mixed',
  'the trend is clear',
];
// Each turns up in about one article in five hundred: what a reader searches for by name.
export const rareWords = ['zeitgeber', 'quillwork', 'marramgrass', 'obsidianite', 'tesseract'];

/** A small, fast generator seeded by the article number, so article N is the same every run. */
function randomFor(seed: number) {
  let state = (seed * 2654435761) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function sentence(random: Random): string {
  const words = [
    pick(random, qualities),
    pick(random, subjects),
    pick(random, verbs),
    pick(random, subjects),
    'in',
    pick(random, places),
  ];
  if (random() < 0.5) words.push(`, ${pick(random, fillers)}`);
  if (random() < 0.001) words.push(`, not least ${pick(random, rareWords)}`);
  return `${capitalise(words.join(' ').replaceAll(' ,', ','))}.`;
}

function paragraph(random: Random): string {
  return Array.from({ length: 2 + Math.floor(random() * 3) }, () => sentence(random)).join(' ');
}

interface GeneratedRow {
  id: string;
  slug: string;
  kind: ArticleKind;
  title: string;
  standfirst: string;
  body: string;
  status: ArticleStatus;
  visibility: ArticleVisibility;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface GeneratedArticle {
  number: number;
  /** Column values, named as in the database. */
  values: GeneratedRow;
  seriesIndex: number | null;
  heroIndex: number | null;
  authorIndexes: number[];
  topicIndexes: number[];
}

/** Article number `number` (from 1), described against catalogue sizes rather than ids. */
export function generateArticle(
  number: number,
  catalogue: { authors: number; series: number; topics: number; media: number },
): GeneratedArticle {
  const random = randomFor(number);
  const subject = pick(random, subjects);
  const title = `${capitalise(pick(random, qualities))} ${subject}: how ${pick(random, subjects)} ${pick(random, verbs)} ${pick(random, places)}`;
  const publishedAt = new Date(newest - Math.floor(random() * spanHours) * hour);
  const roll = random();
  // Mostly published work, as on a real site, with a tail of drafts and pieces scheduled ahead.
  const status = roll < 0.02 ? 'draft' : roll < 0.03 ? 'scheduled' : 'published';
  const scheduledAhead = new Date(Date.now() + (1 + Math.floor(random() * 90)) * 24 * hour);
  const updatedAt =
    status === 'published'
      ? new Date(publishedAt.getTime() + Math.floor(random() * 30 * 24) * hour)
      : new Date(newest + Math.floor(random() * 30 * 24) * hour);
  // Short bodies (about 100 words): long enough to rank and quote, short enough that computing
  // the search vectors of 100,000 of them takes a minute rather than ten.
  const body = Array.from({ length: 2 + Math.floor(random() * 3) }, (_, index) =>
    index === 1 ? `## On ${subject}\n\n${paragraph(random)}` : paragraph(random),
  ).join('\n\n');
  const heroIndex = random() < 0.5 ? Math.floor(random() * catalogue.media) : null;
  const authorCount = random() < 0.8 ? 1 : 2;
  const firstAuthor = Math.floor(random() * catalogue.authors);
  const topicCount = 1 + Math.floor(random() * 3);
  const firstTopic = Math.floor(random() * catalogue.topics);
  return {
    number,
    values: {
      id: crypto.randomUUID(),
      slug: `${generatedSlugPrefix}${number}`,
      kind: pick(random, articleKinds),
      title,
      standfirst: `${sentence(random)} ${sentence(random)}`,
      body,
      status,
      visibility: random() < 0.1 ? 'members' : 'public',
      published_at:
        status === 'draft'
          ? null
          : (status === 'scheduled' ? scheduledAhead : publishedAt).toISOString(),
      created_at: (status === 'published' ? publishedAt : updatedAt).toISOString(),
      updated_at: updatedAt.toISOString(),
    },
    seriesIndex: random() < 0.15 ? Math.floor(random() * catalogue.series) : null,
    heroIndex,
    authorIndexes: Array.from(
      { length: Math.min(authorCount, catalogue.authors) },
      (_, offset) => (firstAuthor + offset) % catalogue.authors,
    ),
    topicIndexes: Array.from(
      { length: Math.min(topicCount, catalogue.topics) },
      (_, offset) => (firstTopic + offset * 3) % catalogue.topics,
    ),
  };
}

export interface GenerateResult {
  requested: number;
  existing: number;
  created: number;
}

/**
 * Makes sure generated articles 1..`count` exist, inserting only the missing ones in large
 * batches (one transaction each, so an interrupted run keeps its progress). Needs the demo
 * catalogue (authors, topics, series, images) in place: run the ordinary seed first.
 */
export async function generateArticles(
  db: Database,
  count: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<GenerateResult> {
  const [authorRows, seriesRows, topicRows, mediaRows, existingRows] = await Promise.all([
    db.select({ id: authors.id }).from(authors).orderBy(authors.slug),
    db.select({ id: series.id }).from(series).orderBy(series.slug),
    db.select({ id: topics.id }).from(topics).orderBy(topics.slug),
    db
      .select({ id: media.id, alt: media.alt, credit: media.credit })
      .from(media)
      .where(
        inArray(
          media.storageKey,
          seedMedia.map((item) => item.key),
        ),
      )
      .orderBy(media.storageKey),
    db
      .select({ slug: articles.slug })
      .from(articles)
      .where(like(articles.slug, `${generatedSlugPrefix}%`)),
  ]);
  if (authorRows.length === 0 || topicRows.length === 0) {
    throw new Error('Generated articles need authors and topics: seed the demo content first.');
  }
  const existing = new Set(existingRows.map((row) => row.slug));
  const missing: number[] = [];
  for (let number = 1; number <= count; number += 1) {
    if (!existing.has(`${generatedSlugPrefix}${number}`)) missing.push(number);
  }
  const catalogue = {
    authors: authorRows.length,
    series: seriesRows.length,
    topics: topicRows.length,
    media: mediaRows.length,
  };
  for (let start = 0; start < missing.length; start += batchSize) {
    const batch = missing
      .slice(start, start + batchSize)
      .map((number) => generateArticle(number, catalogue));
    const rows = batch.map(({ values, seriesIndex, heroIndex }) => {
      // A hero needs alt text (a check constraint); every demo illustration has some.
      const hero = heroIndex === null ? undefined : mediaRows[heroIndex];
      return {
        ...values,
        series_id: seriesIndex === null ? null : (seriesRows[seriesIndex]?.id ?? null),
        hero_image_id: hero?.alt ? hero.id : null,
        hero_alt: hero?.alt ? hero.alt : null,
        hero_credit: hero?.alt ? hero.credit : null,
      };
    });
    const bylines = batch.flatMap(({ values, authorIndexes }) =>
      authorIndexes.map((index, position) => ({
        article_id: values.id,
        author_id: authorRows[index]!.id,
        position,
      })),
    );
    const tags = batch.flatMap(({ values, topicIndexes }) =>
      topicIndexes.map((index) => ({ article_id: values.id, topic_id: topicRows[index]!.id })),
    );
    // One JSON parameter per table rather than Drizzle's multi-row VALUES: building a statement
    // with 16,000 placeholders costs more in JavaScript than the insert costs the database.
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into ${articles} (id, slug, kind, title, standfirst, body, status, visibility,
          published_at, series_id, hero_image_id, hero_alt, hero_credit, created_at, updated_at)
        select id, slug, kind, title, standfirst, body, status, visibility,
          published_at, series_id, hero_image_id, hero_alt, hero_credit, created_at, updated_at
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, slug text,
          kind article_kind, title text, standfirst text, body text, status article_status,
          visibility article_visibility, published_at timestamptz, series_id uuid,
          hero_image_id uuid, hero_alt text, hero_credit text, created_at timestamptz,
          updated_at timestamptz)`);
      await tx.execute(sql`
        insert into ${articleAuthors} (article_id, author_id, position)
        select article_id, author_id, position
        from jsonb_to_recordset(${JSON.stringify(bylines)}::jsonb)
          as r(article_id uuid, author_id uuid, position integer)`);
      await tx.execute(sql`
        insert into ${articleTopics} (article_id, topic_id)
        select article_id, topic_id
        from jsonb_to_recordset(${JSON.stringify(tags)}::jsonb) as r(article_id uuid, topic_id uuid)`);
    });
    onProgress(Math.min(start + batchSize, missing.length), missing.length);
  }
  // Fresh statistics, so the planner's first plans see 100,000 rows rather than an empty table.
  if (missing.length) await db.execute(sql`analyze articles, article_authors, article_topics`);
  return { requested: count, existing: count - missing.length, created: missing.length };
}

export function formatGenerateResult(result: GenerateResult): string {
  if (result.created === 0) {
    return `All ${result.requested} generated articles are already in place; nothing changed.`;
  }
  return `Generated ${result.created} articles (${result.existing} of the ${result.requested} requested were already in place).`;
}
