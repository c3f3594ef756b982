import Link from 'next/link';
import { SignupForm } from '@/components/newsletters/signup-form.client';
import type { NavLink, SiteConfig } from '@/lib/config/site';
import type { PublicList } from '@/lib/newsletters/lists';
import { FooterAppeal } from './footer-appeal.client';
import { FooterNewsletter } from './footer-newsletter.client';

interface Props {
  siteName: string;
  appeal: SiteConfig['appeal'];
  charity: SiteConfig['charity'];
  navigation: { heading: string; links: NavLink[] }[];
  /** The newsletter the footer offers, if any. */
  newsletter: PublicList | null;
}

export function SiteFooter({ siteName, appeal, charity, navigation, newsletter }: Props) {
  return (
    <footer role="contentinfo" className="mt-16 bg-navy-deep text-white">
      {newsletter && (
        <FooterNewsletter>
          <section
            aria-labelledby="footer-newsletter-heading"
            className="no-print border-b border-white/15"
          >
            <div className="mx-auto grid max-w-6xl gap-6 px-4 py-10 sm:px-6 md:grid-cols-[2fr_3fr]">
              <div>
                <h2 id="footer-newsletter-heading" className="font-serif text-2xl font-semibold">
                  {newsletter.name}
                </h2>
                <p className="mt-2 text-white/90">
                  {newsletter.description || newsletter.cadence}{' '}
                  <Link href="/newsletters" className="whitespace-nowrap text-white underline">
                    All our newsletters
                  </Link>
                </p>
              </div>
              <SignupForm lists={[newsletter]} tone="dark" />
            </div>
          </section>
        </FooterNewsletter>
      )}
      <div
        className={`mx-auto grid max-w-6xl gap-10 px-4 py-12 sm:px-6 ${navigation.length > 2 ? 'sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr]' : 'md:grid-cols-[2fr_1fr_1fr]'}`}
      >
        <FooterAppeal instead={<p className="font-serif text-2xl font-semibold">{siteName}</p>}>
          <section aria-labelledby="footer-appeal-heading" className="no-print">
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
        </FooterAppeal>
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
        <div className="mx-auto max-w-6xl space-y-1 px-4 py-5 text-sm text-white/80 sm:px-6">
          <p>
            © {new Date().getFullYear()} {siteName}. An independent, non-partisan research
            institute.
          </p>
          <p>
            {charity.name} is a registered charity, number{' '}
            <RegisterLink href={charity.registerUrl} register="on the register of charities">
              {charity.number}
            </RegisterLink>
            {charity.companyNumber && (
              <>
                , and a company limited by guarantee, number{' '}
                <RegisterLink href={charity.companyUrl} register="at Companies House">
                  {charity.companyNumber}
                </RegisterLink>
              </>
            )}
            .
          </p>
          <p>Registered office: {charity.address}.</p>
        </div>
      </div>
    </footer>
  );
}

/** A registration number, linked to its public entry where there is one. */
function RegisterLink({
  href,
  register,
  children,
}: {
  href: string | null;
  register: string;
  children: string;
}) {
  if (!href) return children;
  return (
    <a href={href} className="text-white underline hover:text-highlight">
      {children}
      <span className="sr-only"> {register}</span>
    </a>
  );
}
