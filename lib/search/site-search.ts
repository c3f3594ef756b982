import type { Reader } from '@/lib/auth/who';
import { findExperts, findSeries, type ExpertMatch, type SeriesMatch } from './names';
import type { SearchParams } from './query';
import { articlesMatching, type SearchPage } from './search';
import { toSearchQuery } from './search-query';

export interface SiteSearch {
  articles: SearchPage;
  /** Experts and series whose names match, shown above the first page of articles. */
  experts: ExpertMatch[];
  series: SeriesMatch[];
}

/** What /search shows for a reader's words: matching articles, and the people and series. */
export async function searchSite(params: SearchParams, reader: Reader): Promise<SiteSearch> {
  const textQuery = await toSearchQuery(params.q);
  const namesToo = textQuery !== null && params.page === 1;
  const [articles, experts, series] = await Promise.all([
    articlesMatching(textQuery, params, reader),
    namesToo ? findExperts(textQuery) : [],
    namesToo ? findSeries(textQuery) : [],
  ]);
  return { articles, experts, series };
}
