import type { FunderBand } from '@/db/schema';

/** What each band means, in pounds given in the year. */
export const funderBandLabels: Record<FunderBand, string> = {
  under_5k: 'under £5,000',
  from_5k: '£5,000–£24,999',
  from_25k: '£25,000–£99,999',
  from_100k: '£100,000–£249,999',
  from_250k: '£250,000 or more',
};

/** Highest band first, as the funding page lists them. */
export const bandsHighestFirst: FunderBand[] = [
  'from_250k',
  'from_100k',
  'from_25k',
  'from_5k',
  'under_5k',
];
