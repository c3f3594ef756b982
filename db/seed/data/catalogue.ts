import type { TopicKind } from '@/db/schema';

export interface SeedMedia {
  key: string;
  width: number;
  height: number;
  alt: string;
  credit: string;
}

export const seedMedia: SeedMedia[] = [
  ['contour-lines', 'Layered green contour lines rippling across a dark background'],
  ['skyline-bars', 'Blue bar-chart columns rising against an orange evening sky'],
  ['trade-arcs', 'Golden arcs joining points scattered across a night-blue field'],
  ['concentric-rings', 'Grey concentric rings beside a deep red panel'],
  ['cell-pattern', 'Overlapping translucent pink circles'],
  ['circuit-grid', 'Cyan circuit traces on a near-black grid'],
  ['wind-field', 'Short blue strokes flowing like wind across a pale background'],
  ['ledger-columns', 'Rows of grey and green bars arranged like ledger columns'],
].map(([name, alt]) => ({
  key: `images/demo/${name}.jpg`,
  width: 1600,
  height: 900,
  alt: alt!,
  credit: 'Illustration: Northgate Institute',
}));

export interface SeedAuthor {
  slug: string;
  name: string;
  jobTitle: string;
  bio: string;
}

export const seedAuthors: SeedAuthor[] = [
  {
    slug: 'helen-orvik',
    name: 'Helen Orvik',
    jobTitle: 'Senior Fellow, Energy and Climate',
    bio: 'Helen Orvik leads the Institute’s work on electricity markets, grid investment and the cost of the energy transition. Before joining Northgate she spent nine years at a national grid operator, most recently as head of network planning. She writes regularly on how to build clean power faster without loading the bill onto households.',
  },
  {
    slug: 'daniel-achterberg',
    name: 'Daniel Achterberg',
    jobTitle: 'Director of Economic Policy',
    bio: 'Daniel Achterberg directs the Institute’s economic programme and edits Fiscal Watch, our running assessment of the public finances. He was previously an economist at a central bank and a budget adviser to a parliamentary select committee. His research covers fiscal rules, productivity and local government finance.',
  },
  {
    slug: 'priya-raman',
    name: 'Priya Raman',
    jobTitle: 'Fellow, Trade and the Asia-Pacific',
    bio: 'Priya Raman studies trade agreements, supply chains and economic statecraft in the Asia-Pacific. She has advised trade ministries in three countries on negotiating strategy and holds a doctorate in international political economy. Her op-eds appear widely in the regional and financial press.',
  },
  {
    slug: 'tomasz-wren',
    name: 'Tomasz Wren',
    jobTitle: 'Senior Fellow, Security and Defence',
    bio: 'Tomasz Wren writes The Wren Dispatch, a fortnightly column on defence, deterrence and the politics of military spending. A former army officer and defence ministry official, he has worked on force planning, procurement reform and alliance policy for two decades.',
  },
  {
    slug: 'amara-okafor',
    name: 'Amara Okafor',
    jobTitle: 'Research Fellow, Global Health',
    bio: 'Amara Okafor researches health financing and pharmaceutical manufacturing, with a focus on sub-Saharan Africa. She trained as a physician in Lagos and worked for a regional health agency before joining the Institute. Her current project maps the funding of primary care in fast-growing cities.',
  },
];

// Alt text for the media library, where editors choose among images by their description.
export const seedPortraits: SeedMedia[] = seedAuthors.map((author) => ({
  key: `images/demo/${author.slug}.jpg`,
  width: 600,
  height: 600,
  alt: `Portrait of ${author.name}`,
  credit: 'Northgate Institute',
}));

export interface SeedSeries {
  slug: string;
  name: string;
  description: string;
  columnist?: string;
}

export const seedSeries: SeedSeries[] = [
  {
    slug: 'fiscal-watch',
    name: 'Fiscal Watch',
    description:
      'Our running assessment of the public finances: budgets, spending reviews and the rules that bind them, read closely and explained plainly.',
  },
  {
    slug: 'the-wren-dispatch',
    name: 'The Wren Dispatch',
    description:
      'Tomasz Wren’s fortnightly column on defence, deterrence and what armed forces can do with the money they are given.',
    columnist: 'tomasz-wren',
  },
];

export interface SeedTopic {
  slug: string;
  name: string;
  kind: TopicKind;
  description: string;
}

export const seedTopics: SeedTopic[] = [
  {
    slug: 'economy',
    name: 'Economy and Public Finance',
    kind: 'topic',
    description: 'Growth, productivity, taxation, public spending and the rules that govern them.',
  },
  {
    slug: 'energy-climate',
    name: 'Energy and Climate',
    kind: 'topic',
    description: 'Power markets, grids, decarbonisation and adapting to a warmer world.',
  },
  {
    slug: 'trade',
    name: 'Trade',
    kind: 'topic',
    description: 'Trade agreements, tariffs, supply chains and economic security.',
  },
  {
    slug: 'security-defence',
    name: 'Security and Defence',
    kind: 'topic',
    description: 'Deterrence, alliances, military spending and procurement.',
  },
  {
    slug: 'health',
    name: 'Health',
    kind: 'topic',
    description: 'Health financing, public health and the medicines supply.',
  },
  {
    slug: 'technology',
    name: 'Technology',
    kind: 'topic',
    description: 'Semiconductors, digital infrastructure and industrial policy.',
  },
  {
    slug: 'united-kingdom',
    name: 'United Kingdom',
    kind: 'region',
    description: 'Policy across the four nations of the UK.',
  },
  {
    slug: 'europe',
    name: 'Europe',
    kind: 'region',
    description: 'The European Union, its neighbours and the wider continent.',
  },
  {
    slug: 'asia-pacific',
    name: 'Asia-Pacific',
    kind: 'region',
    description: 'From the Indian Ocean to the Pacific islands.',
  },
  {
    slug: 'africa',
    name: 'Africa',
    kind: 'region',
    description: 'The continent’s economies, health systems and institutions.',
  },
  {
    slug: 'americas',
    name: 'Americas',
    kind: 'region',
    description: 'North, Central and South America and the Caribbean.',
  },
];
