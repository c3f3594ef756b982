import 'server-only';
import { cache } from 'react';
import { cached, cachedUnlessMissing } from '@/lib/content/cached';
import { getFundingReport } from '@/lib/funding/funding';
import { listMenuPages, getPublishedPage, listPublishedPages } from './public';

/** Cache tags: page writes revalidate `pages`, funding writes `funding`. */
export const pageTags = { pages: 'pages', funding: 'funding' };

// React's cache shares one result between a page and its generateMetadata in one request.

export const getPublicPage = cache((slug: string) =>
  cachedUnlessMissing(['page', slug], [pageTags.pages], () => getPublishedPage(slug)),
);

export const getMenuPages = cache(() =>
  cached(['menu-pages'], [pageTags.pages], () => listMenuPages()),
);

export const getSitemapPages = cache(() =>
  cached(['sitemap-pages'], [pageTags.pages], () => listPublishedPages()),
);

export const getPublicFunding = cache(() =>
  cached(['funding'], [pageTags.funding], () => getFundingReport()),
);
