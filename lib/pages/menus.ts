import 'server-only';
import { footerNavigation, primaryNavigation, type NavLink } from '@/lib/config/site';
import { databaseDownSince } from '@/lib/platform/database-availability';
import { logger } from '@/lib/platform/log';
import { getMenuPages } from './cached';
import type { MenuPage } from './public';

export interface SiteMenus {
  header: NavLink[];
  footer: { heading: string; links: NavLink[] }[];
}

const footerPagesHeading = 'About us';

/**
 * The built-in links with the published pages editors placed in each menu: in the header after
 * the built-in links, in the footer as a group of their own. A built-in footer link to an address
 * a page now serves gives way to the page's, so nothing is listed twice.
 */
export function buildMenus(menuPages: MenuPage[]): SiteMenus {
  const link = (page: MenuPage): NavLink => ({ href: `/${page.slug}`, label: page.label });
  const footerPages = menuPages.filter((page) => page.inFooter).map(link);
  const served = new Set(footerPages.map((page) => page.href));
  const footer = footerNavigation.map((group) => ({
    heading: group.heading,
    links: group.links.filter((item) => !served.has(item.href)),
  }));
  return {
    header: [...primaryNavigation, ...menuPages.filter((page) => page.inNavigation).map(link)],
    footer: footerPages.length
      ? [...footer, { heading: footerPagesHeading, links: footerPages }]
      : footerNavigation,
  };
}

/**
 * The menus every page shows. They are read through the data cache; when the database cannot be
 * read, the built-in links stand in, as the header and footer also frame the error pages.
 */
export async function loadSiteMenus(): Promise<SiteMenus> {
  try {
    return buildMenus(await getMenuPages());
  } catch (error) {
    // An outage is logged where it is noticed; any other failure is news.
    if (databaseDownSince() === null) {
      logger.warn({ err: error }, 'the menus were built without the pages: they could not be read');
    }
    return buildMenus([]);
  }
}
