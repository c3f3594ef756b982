import 'server-only';
import { listMediaChoices } from '@/lib/editorial/media-choices';
import {
  listExpertsForAdmin,
  listSeriesForAdmin,
  listTopicsForAdmin,
} from '@/lib/editorial/term-reads';
import { listTiers } from '@/lib/membership/tiers';
import { listDocumentChoices } from '@/lib/publications/documents';
import type { ArticleChoices } from './article-form.client';

const option = ({ id, name }: { id: string; name: string }) => ({ id, name });

/** What the article form offers to choose from, reduced to what the browser needs. */
export async function loadArticleChoices(
  chosen: {
    heroImageId?: string | null;
    coverImageId?: string | null;
    documentId?: string | null;
  } = {},
): Promise<ArticleChoices> {
  const [experts, series, topics, media, tiers, documents] = await Promise.all([
    listExpertsForAdmin(),
    listSeriesForAdmin(),
    listTopicsForAdmin(),
    listMediaChoices([chosen.heroImageId ?? null, chosen.coverImageId ?? null]),
    listTiers(),
    listDocumentChoices(chosen.documentId ?? null),
  ]);
  return {
    experts: experts.map(option),
    series: series.map(option),
    topics: topics.filter((topic) => topic.kind === 'topic').map(option),
    regions: topics.filter((topic) => topic.kind === 'region').map(option),
    media,
    tiers: tiers.map(option),
    documents,
  };
}
