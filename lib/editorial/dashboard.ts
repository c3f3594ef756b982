import 'server-only';
import { count, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  articles,
  articleStatuses,
  authors,
  media,
  series,
  topicKinds,
  topics,
  userRoles,
  users,
  type ArticleStatus,
  type UserRole,
} from '@/db/schema';
import { isLive } from '@/lib/content/access';

export interface AdminCounts {
  articles: Record<ArticleStatus, number>;
  /** Published, or scheduled with its time come: what the public can read now. */
  live: number;
  experts: number;
  series: number;
  topics: number;
  regions: number;
  images: number;
  /** Active accounts by role; disabled ones are left out. */
  accounts: Record<UserRole, number>;
}

function tally<K extends string>(keys: readonly K[], rows: { key: K; n: number }[]) {
  const totals = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const row of rows) totals[row.key] = Number(row.n);
  return totals;
}

/** The dashboard's numbers. Like the other editorial reads it does not check the role. */
export async function getAdminCounts(): Promise<AdminCounts> {
  const db = getDb();
  const [byStatus, [live], [experts], [seriesCount], byKind, [images], byRole] = await Promise.all([
    db.select({ key: articles.status, n: count() }).from(articles).groupBy(articles.status),
    db.select({ n: count() }).from(articles).where(isLive()),
    db.select({ n: count() }).from(authors),
    db.select({ n: count() }).from(series),
    db.select({ key: topics.kind, n: count() }).from(topics).groupBy(topics.kind),
    db.select({ n: count() }).from(media),
    db
      .select({ key: users.role, n: count() })
      .from(users)
      .where(isNull(users.disabledAt))
      .groupBy(users.role),
  ]);
  const kinds = tally(topicKinds, byKind);
  return {
    articles: tally(articleStatuses, byStatus),
    live: Number(live?.n ?? 0),
    experts: Number(experts?.n ?? 0),
    series: Number(seriesCount?.n ?? 0),
    topics: kinds.topic,
    regions: kinds.region,
    images: Number(images?.n ?? 0),
    accounts: tally(userRoles, byRole),
  };
}
