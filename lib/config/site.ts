import { getEnv } from '@/lib/platform/env';
import { charityDetails } from './charity';

export interface NavLink {
  href: string;
  label: string;
}

export const primaryNavigation: NavLink[] = [
  { href: '/analysis', label: 'Analysis' },
  { href: '/publications', label: 'Publications' },
  { href: '/series', label: 'Series' },
  { href: '/people', label: 'People' },
  { href: '/topics', label: 'Topics' },
  { href: '/press', label: 'Press' },
  { href: '/search', label: 'Search' },
];

export const footerNavigation: { heading: string; links: NavLink[] }[] = [
  {
    heading: 'Read',
    links: [
      { href: '/analysis', label: 'Latest analysis' },
      { href: '/publications', label: 'Reports and papers' },
      { href: '/series', label: 'Series and columns' },
      { href: '/topics', label: 'Topics and regions' },
      { href: '/newsletters', label: 'Newsletters' },
      { href: '/feed.xml', label: 'RSS feed' },
    ],
  },
  {
    heading: 'The Institute',
    links: [
      { href: '/people', label: 'Our people' },
      { href: '/press', label: 'Press office' },
      { href: '/support', label: 'Support our work' },
      { href: '/account', label: 'Your account' },
      { href: '/join', label: 'Become a member' },
      { href: '/membership', label: 'Membership tiers' },
      { href: '/privacy', label: 'Privacy notice' },
    ],
  },
];

const defaultName = 'Northgate Institute';

export function getSiteConfig() {
  const env = getEnv();
  return {
    name: env.SITE_NAME ?? defaultName,
    tagline: 'Independent analysis of economics, energy, trade and security',
    url: env.siteUrl,
    charity: charityDetails(env),
    appeal: {
      heading: 'Independent because of you',
      body: 'We take no money from governments or political parties for our research. Everything we publish is made possible by people and foundations who give because they value evidence over slogans. A gift of any size keeps our analysis free to read.',
      action: { href: '/support', label: 'Support us' },
    },
    homeAppeal: {
      heading: 'Evidence for the decisions that matter',
      body: 'Our researchers spend months on questions that newsrooms and ministries have days for. Donations from readers like you keep that work independent and free for everyone. Give once, or join our monthly supporters.',
      action: { href: '/support', label: 'Give to the Institute' },
    },
  };
}

export type SiteConfig = ReturnType<typeof getSiteConfig>;
