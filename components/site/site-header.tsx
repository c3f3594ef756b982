import type { NavLink } from '@/lib/config/site';
import { HeaderBar } from './header-bar.client';

export function SiteHeader({ siteName, navigation }: { siteName: string; navigation: NavLink[] }) {
  return (
    <header role="banner" className="relative border-b border-rule bg-paper">
      <HeaderBar siteName={siteName} navigation={navigation} />
    </header>
  );
}
