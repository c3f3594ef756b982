import type { AdminNavLink } from './admin-nav.client';

const editorLinks: AdminNavLink[] = [
  { href: '/admin', label: 'Dashboard' },
  { href: '/admin/home', label: 'Home page' },
  { href: '/admin/articles', label: 'Articles' },
  { href: '/admin/pages', label: 'Pages' },
  { href: '/admin/experts', label: 'People' },
  { href: '/admin/series', label: 'Series' },
  { href: '/admin/topics', label: 'Topics and regions' },
  { href: '/admin/media', label: 'Media' },
  { href: '/admin/press/contacts', label: 'Press contacts' },
  { href: '/admin/press/coverage', label: 'Coverage' },
  { href: '/admin/newsletters', label: 'Newsletters' },
  { href: '/admin/newsletters/issues', label: 'Newsletter issues' },
];

const adminLinks: AdminNavLink[] = [
  { href: '/admin/members', label: 'Members' },
  { href: '/admin/donations', label: 'Donations' },
  { href: '/admin/membership', label: 'Membership tiers' },
  { href: '/admin/membership/members', label: 'Members by tier' },
  { href: '/admin/funding', label: 'Funding' },
  { href: '/admin/newsletters/subscribers', label: 'Subscribers' },
  { href: '/admin/newsletters/suppressions', label: 'Suppressions' },
  { href: '/admin/email', label: 'E-mail' },
  { href: '/admin/audit', label: 'Audit log' },
];

/** What the editorial area offers a role; each page still checks the role for itself. */
export function adminLinksFor(role: 'editor' | 'admin'): AdminNavLink[] {
  return role === 'admin' ? [...editorLinks, ...adminLinks] : editorLinks;
}
