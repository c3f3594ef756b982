import {
  and,
  asc,
  desc,
  eq,
  exists,
  inArray,
  isNotNull,
  ne,
  notInArray,
  sql,
  type SQL,
} from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  articles,
  articleTopics,
  homeSettings,
  homeTopics,
  publicationKinds,
  topics,
} from '@/db/schema';
import { isLive } from '../access';
import type { ArticleSummary, TopicLink } from '../types';
import { selectSummaries, toSummaries } from './summaries';

export interface TopicSection extends TopicLink {
  articles: ArticleSummary[];
}

export interface HomeSections {
  lead: ArticleSummary | null;
  featuredPublication: ArticleSummary | null;
  latest: ArticleSummary[];
  topics: TopicSection[];
}

const newestFirst = [desc(articles.publishedAt), desc(articles.id)];

// Press releases have their own listing; the home page shows the institute's work.
const isWork = (): SQL => and(isLive(), ne(articles.kind, 'press-release'))!;

const isPublication = (): SQL => and(isLive(), inArray(articles.kind, [...publicationKinds]))!;

async function summariesWhere(where: SQL, limit: number): Promise<ArticleSummary[]> {
  return toSummaries(
    await selectSummaries()
      .where(where)
      .orderBy(...newestFirst)
      .limit(limit),
  );
}

async function chosen(id: string | null | undefined, rule: SQL): Promise<ArticleSummary | null> {
  if (!id) return null;
  const [found] = await summariesWhere(and(rule, eq(articles.id, id))!, 1);
  return found ?? null;
}

/** The topics chosen for sections of their own, in the editor's order. */
export async function listHomeTopics(): Promise<TopicLink[]> {
  return getDb()
    .select({ slug: topics.slug, name: topics.name, kind: topics.kind })
    .from(homeTopics)
    .innerJoin(topics, eq(topics.id, homeTopics.topicId))
    .orderBy(asc(homeTopics.position));
}

/**
 * What the home page shows. An editor's choice that is no longer live (unpublished, or never
 * a publication) gives way to the newest piece that fits, so the page never names a withdrawn one.
 */
export async function readHomeSections(latestCount = 6, perTopic = 3): Promise<HomeSections> {
  const [settings] = await getDb().select().from(homeSettings).where(eq(homeSettings.id, 1));
  const [chosenLead, chosenPublication, chosenTopics] = await Promise.all([
    chosen(settings?.leadArticleId, isWork()),
    chosen(settings?.featuredPublicationId, isPublication()),
    listHomeTopics(),
  ]);
  const lead = chosenLead ?? (await summariesWhere(isWork(), 1))[0] ?? null;
  // A publication with its PDF is what a featured publication is for; failing one, any.
  const notLead = lead ? ne(articles.id, lead.id) : undefined;
  const featuredPublication =
    chosenPublication ??
    (await summariesWhere(and(isPublication(), isNotNull(articles.documentId), notLead)!, 1))[0] ??
    (await summariesWhere(and(isPublication(), notLead)!, 1))[0] ??
    null;
  const shown = [lead?.id, featuredPublication?.id].filter((id): id is string => Boolean(id));
  const notShown = shown.length > 0 ? notInArray(articles.id, shown) : undefined;
  const [latest, ...sections] = await Promise.all([
    summariesWhere(and(isWork(), notShown)!, latestCount),
    ...chosenTopics.map((topic) =>
      summariesWhere(
        and(
          isWork(),
          notShown,
          exists(
            getDb()
              .select({ one: sql`1` })
              .from(articleTopics)
              .innerJoin(topics, eq(topics.id, articleTopics.topicId))
              .where(and(eq(articleTopics.articleId, articles.id), eq(topics.slug, topic.slug))),
          ),
        )!,
        perTopic,
      ),
    ),
  ]);
  return {
    lead,
    featuredPublication,
    latest: latest ?? [],
    topics: chosenTopics
      .map((topic, index) => ({ ...topic, articles: sections[index] ?? [] }))
      .filter((section) => section.articles.length > 0),
  };
}
