import 'server-only';
import { cache } from 'react';
import { cached, contentTags } from '@/lib/content/cached';
import { readOpenLists } from './lists';

// The lists as every page offers them (the footer, the home page, articles, /newsletters),
// cached like the rest of the public site; editors' changes revalidate the tag.
export const getOpenLists = cache(() =>
  cached(['newsletter-lists'], [contentTags.newsletters], () => readOpenLists()),
);

/**
 * The list every page's footer and the join form offer, the first in the editors' order; none
 * when there is no open list or the lists cannot be read, so an outage leaves a page without
 * its offer rather than without the page.
 */
export async function getLeadList() {
  try {
    return (await getOpenLists())[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The list donors get unless they refuse it on the form (lib/newsletters/soft-opt-in.ts); none
 * when no open list is marked for it, or the lists cannot be read, so nothing is offered then.
 */
export async function getSoftOptInList() {
  try {
    return (await getOpenLists()).find((list) => list.softOptIn) ?? null;
  } catch {
    return null;
  }
}

/**
 * The list offered at the end of a piece: the one that sends its series, else one that sends a
 * topic of it, else the first list.
 */
export async function getListForPiece(piece: {
  series: { slug: string } | null;
  topics: { slug: string }[];
}) {
  const lists = await getOpenLists();
  const topicSlugs = new Set(piece.topics.map((topic) => topic.slug));
  return (
    lists.find((list) => piece.series && list.seriesSlug === piece.series.slug) ??
    lists.find((list) => list.topicSlug !== null && topicSlugs.has(list.topicSlug)) ??
    lists[0] ??
    null
  );
}
