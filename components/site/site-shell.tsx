import { getSiteConfig } from '@/lib/config/site';
import { getLeadList } from '@/lib/newsletters/public';
import { loadSiteMenus } from '@/lib/pages/menus';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

export async function SiteShell({ children }: { children: React.ReactNode }) {
  const site = getSiteConfig();
  const [menus, newsletter] = await Promise.all([loadSiteMenus(), getLeadList()]);
  // The footer sits at the bottom of the window even when the page is short.
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-navy focus:shadow"
      >
        Skip to content
      </a>
      <SiteHeader siteName={site.name} navigation={menus.header} />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none sm:px-6"
      >
        {children}
      </main>
      <SiteFooter
        siteName={site.name}
        appeal={site.appeal}
        charity={site.charity}
        navigation={menus.footer}
        newsletter={newsletter}
      />
    </div>
  );
}
