import type { NewMembershipTier } from '@/db/schema';

/** The demo institute's membership: three tiers on sale and one by invitation. */
export const seedTiers: NewMembershipTier[] = [
  {
    slug: 'supporter',
    name: 'Supporter',
    description: 'For readers who want to keep our research independent and free to read.',
    benefits: ['The quarterly report on our work', 'A vote at the annual meeting'],
    monthlyPriceMinor: 600,
    yearlyPriceMinor: 6_000,
    position: 1,
    // Only the permitted benefits: a report on the charity's work and a vote.
    giftAidEligible: true,
  },
  {
    slug: 'research-circle',
    name: 'Research Circle',
    description: 'For those who follow our work closely and want to take part in it.',
    benefits: [
      'Pieces written for the Research Circle',
      'Briefings with the authors, online each month',
      'Reports a week before publication',
    ],
    monthlyPriceMinor: 1_500,
    yearlyPriceMinor: 15_000,
    trialDays: 14,
    position: 2,
  },
  {
    slug: 'directors-circle',
    name: 'Director’s Circle',
    description: 'For those who carry the institute: a seat at the table where work is planned.',
    benefits: [
      'Everything in the Research Circle',
      'A dinner with the director twice a year',
      'Thanks by name in the annual review',
    ],
    yearlyPriceMinor: 60_000,
    position: 3,
  },
  {
    slug: 'honorary',
    name: 'Honorary',
    description: 'Given to trustees, past directors and friends of the institute.',
    benefits: ['Everything in the Research Circle'],
    visible: false,
    position: 4,
  },
];
