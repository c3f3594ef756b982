import 'server-only';
import { cache } from 'react';
import { listCoverage, listPressContacts } from '@/lib/press/press-reads';
import { cached, contentTags, getAllExperts, getArticlePage } from './cached';

// /press's reads, cached like the rest of the public site; the press office's writes revalidate
// the press tag (lib/press/press-office.ts).

export const latestCoverageCount = 8;

export const getPressContacts = cache(() =>
  cached(['press-contacts'], [contentTags.press], () => listPressContacts()),
);

// Names the person quoted, so a renamed person's coverage changes with them.
export const getLatestCoverage = cache(() =>
  cached(['coverage', String(latestCoverageCount)], [contentTags.press, contentTags.taxonomy], () =>
    listCoverage(latestCoverageCount),
  ),
);

/** The people journalists may contact directly. */
export const getMediaPeople = cache(async () =>
  (await getAllExperts()).filter((person) => person.media !== null),
);

export const getLatestPressReleases = (count: number) =>
  getArticlePage({ kind: 'press-release' }, 1, count);
