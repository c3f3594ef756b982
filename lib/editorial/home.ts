import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import {
  articles,
  homeSettings,
  homeTopics,
  publicationKinds,
  topics,
  type ArticleKind,
  type ArticleStatus,
} from '@/db/schema';
import { contentTags } from '@/lib/content/cached';
import type { Actor } from '@/lib/auth/who';
import { recordAudit } from './audit';
import { homeInputSchema, homeTopicFields, type HomeInput } from './home-input';
import { invalid, type Invalid } from './results';
import type { Revalidator } from './revalidate';
import { editorialWrite } from './transaction';

// Only pieces that are or will be public can lead: a draft chosen today would be passed over.
const choosable: ArticleStatus[] = ['published', 'scheduled'];

// Enough for any piece an editor would put on the front page; older ones are a search away.
const choiceCount = 80;

export interface HomeChoice {
  id: string;
  title: string;
  kind: ArticleKind;
  status: ArticleStatus;
  publishedAt: Date | null;
}

export interface HomeChoices {
  values: Record<string, string>;
  pieces: HomeChoice[];
  publications: HomeChoice[];
  topics: { id: string; name: string; kind: string }[];
}

const choiceColumns = {
  id: articles.id,
  title: articles.title,
  kind: articles.kind,
  status: articles.status,
  publishedAt: articles.publishedAt,
};

/** What the home page's form offers, with the current choices as its values. */
export async function readHomeChoices(): Promise<HomeChoices> {
  const db = getDb();
  const newest = [desc(articles.publishedAt), desc(articles.id)];
  const [settings, chosenTopics, pieces, publications, allTopics] = await Promise.all([
    db.select().from(homeSettings).where(eq(homeSettings.id, 1)),
    db.select().from(homeTopics).orderBy(asc(homeTopics.position)),
    db
      .select(choiceColumns)
      .from(articles)
      .where(inArray(articles.status, choosable))
      .orderBy(...newest)
      .limit(choiceCount),
    db
      .select(choiceColumns)
      .from(articles)
      .where(
        and(inArray(articles.status, choosable), inArray(articles.kind, [...publicationKinds])),
      )
      .orderBy(...newest)
      .limit(choiceCount),
    db
      .select({ id: topics.id, name: topics.name, kind: topics.kind })
      .from(topics)
      .orderBy(asc(topics.kind), asc(topics.name)),
  ]);
  const row = settings[0];
  const values: Record<string, string> = {
    leadArticleId: row?.leadArticleId ?? '',
    featuredPublicationId: row?.featuredPublicationId ?? '',
  };
  homeTopicFields.forEach((name, index) => {
    values[name] = chosenTopics[index]?.topicId ?? '';
  });
  return { values, pieces, publications, topics: allTopics };
}

export type HomeSaveResult = { ok: true } | Invalid;

async function checkChoices(tx: Transaction, input: HomeInput): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  const ids = [input.leadArticleId, input.featuredPublicationId].filter(
    (id): id is string => id !== null,
  );
  const found =
    ids.length > 0
      ? await tx
          .select({ id: articles.id, kind: articles.kind, status: articles.status })
          .from(articles)
          .where(inArray(articles.id, ids))
      : [];
  const piece = (id: string | null) => found.find((row) => row.id === id);
  const lead = piece(input.leadArticleId);
  if (input.leadArticleId && (!lead || !choosable.includes(lead.status))) {
    errors.leadArticleId = 'That piece is not published or scheduled any more. Choose another.';
  }
  const publication = piece(input.featuredPublicationId);
  if (
    input.featuredPublicationId &&
    (!publication ||
      !choosable.includes(publication.status) ||
      !(publicationKinds as readonly string[]).includes(publication.kind))
  ) {
    errors.featuredPublicationId =
      'Choose a published report, briefing or paper. That one is not, or not any more.';
  }
  if (input.topicIds.length > 0) {
    const known = await tx
      .select({ id: topics.id })
      .from(topics)
      .where(inArray(topics.id, input.topicIds));
    homeTopicFields.forEach((name, index) => {
      const id = input.topicIds[index];
      if (id && !known.some((topic) => topic.id === id)) {
        errors[name] = 'That topic has been deleted. Choose another.';
      }
    });
  }
  return errors;
}

/** Saves the home page's lead, featured publication and topic sections, for every instance. */
export async function saveHomeChoices(
  actor: Actor,
  raw: unknown,
  revalidate?: Revalidator,
): Promise<HomeSaveResult> {
  const parsed = homeInputSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      errors[field] ??= issue.message;
    }
    return invalid(errors);
  }
  const input = parsed.data;
  return editorialWrite(
    actor,
    async (tx, stale) => {
      // Two editors saving at once: one after the other, never a mix of their topic lists.
      await tx
        .insert(homeSettings)
        .values({ id: 1 })
        .onConflictDoNothing({ target: homeSettings.id });
      await tx.select().from(homeSettings).where(eq(homeSettings.id, 1)).for('update');
      const errors = await checkChoices(tx, input);
      if (Object.keys(errors).length > 0) return invalid(errors);
      await tx
        .update(homeSettings)
        .set({
          leadArticleId: input.leadArticleId,
          featuredPublicationId: input.featuredPublicationId,
          updatedById: actor.id,
          updatedAt: new Date(),
        })
        .where(eq(homeSettings.id, 1));
      await tx.delete(homeTopics);
      if (input.topicIds.length > 0) {
        await tx
          .insert(homeTopics)
          .values(input.topicIds.map((topicId, position) => ({ topicId, position })));
      }
      await recordAudit(tx, actor, 'home.updated', 'home', {
        leadArticleId: input.leadArticleId,
        featuredPublicationId: input.featuredPublicationId,
        topicIds: input.topicIds,
      });
      stale.add(contentTags.articles);
      return { ok: true } as const;
    },
    revalidate,
  );
}
