import Link from 'next/link';
import type { NavLink, SiteConfig } from '@/lib/config/site';

interface Props {
  siteName: string;
  appeal: SiteConfig['appeal'];
  navigation: { heading: string; links: NavLink[] }[];
}

export function SiteFooter({ siteName, appeal, navigation }: Props) {
  return (
    <footer role="contentinfo" className="mt-16 bg-navy-deep text-white">
      <div className="mx-auto grid max-w-6xl gap-10 px-4 py-12 sm:px-6 md:grid-cols-[2fr_1fr_1fr]">
        <section aria-labelledby="footer-appeal-heading">
          <h2 id="footer-appeal-heading" className="font-serif text-2xl font-semibold">
            {appeal.heading}
          </h2>
          <p className="mt-3 max-w-prose leading-relaxed text-white/90">{appeal.body}</p>
          <Link
            href={appeal.action.href}
            className="mt-5 inline-block rounded bg-white px-4 py-2 font-semibold text-navy-deep hover:bg-highlight"
          >
            {appeal.action.label}
          </Link>
        </section>
        {navigation.map((group) => (
          <nav key={group.heading} aria-label={group.heading}>
            <h2 className="text-sm font-semibold uppercase tracking-wide text-white/80">
              {group.heading}
            </h2>
            <ul className="mt-3 space-y-2">
              {group.links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="text-white hover:underline">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ))}
      </div>
      <div className="border-t border-white/15">
        <p className="mx-auto max-w-6xl px-4 py-5 text-sm text-white/80 sm:px-6">
          © {new Date().getFullYear()} {siteName}. An independent, non-partisan research institute.
        </p>
      </div>
    </footer>
  );
}
