import { SiteShell } from '@/components/site/site-shell';

export default function MembersLayout({ children }: { children: React.ReactNode }) {
  return <SiteShell>{children}</SiteShell>;
}
