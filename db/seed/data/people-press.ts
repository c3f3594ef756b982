import type { PersonRole } from '@/db/schema';
import type { SeedArticle } from './article-type';

// The Institute's people beyond its writing fellows, and its press office. Telephone numbers are
// from Ofcom's ranges kept for drama (020 7946 0xxx, 07700 900xxx), addresses at .example, and
// coverage links at example.com: none of them reaches anyone.

export interface SeedPersonDetails {
  role: PersonRole;
  /** Topic and region slugs. */
  areas: string[];
  media?: { email?: string; phone?: string };
}

/** What the experts of the catalogue (data/catalogue.ts) are, beside what they write. */
export const seedPersonDetails: Record<string, SeedPersonDetails> = {
  'helen-orvik': {
    role: 'fellow',
    areas: ['energy-climate', 'united-kingdom', 'europe'],
    media: { email: 'helen.orvik@northgate.example', phone: '+44 20 7946 0412' },
  },
  'daniel-achterberg': {
    role: 'fellow',
    areas: ['economy', 'united-kingdom'],
    media: { email: 'daniel.achterberg@northgate.example', phone: '+44 20 7946 0418' },
  },
  'priya-raman': {
    role: 'fellow',
    areas: ['trade', 'asia-pacific'],
    media: { email: 'priya.raman@northgate.example' },
  },
  'tomasz-wren': {
    role: 'fellow',
    areas: ['security-defence', 'europe'],
    media: { phone: '+44 7700 900 317' },
  },
  'amara-okafor': {
    role: 'fellow',
    areas: ['health', 'africa'],
    media: { email: 'amara.okafor@northgate.example', phone: '+44 20 7946 0425' },
  },
};

export interface SeedPerson extends SeedPersonDetails {
  slug: string;
  name: string;
  jobTitle: string;
  bio: string;
}

/** People without a portrait in the demo images: their pages show their initial instead. */
export const seedPeople: SeedPerson[] = [
  {
    slug: 'joanna-mercer',
    name: 'Joanna Mercer',
    jobTitle: 'Head of Communications',
    role: 'staff',
    areas: [],
    bio: 'Joanna Mercer runs the Institute’s press office, publishing and events. She joined Northgate from a national broadcaster, where she produced the morning business programme for six years, and before that worked as a correspondent in Brussels. She is the first point of contact for journalists and programme-makers.',
    media: { email: 'press@northgate.example', phone: '+44 20 7946 0100' },
  },
  {
    slug: 'samuel-adeyemi',
    name: 'Samuel Adeyemi',
    jobTitle: 'Director of Research',
    role: 'staff',
    areas: ['economy', 'technology'],
    bio: 'Samuel Adeyemi sets the Institute’s research programme and chairs its internal review of every report before publication. An economist, he spent a decade at a statistics office building measures of digital output, then led a university centre on productivity. He writes on how new technologies show up, or fail to show up, in the national accounts.',
    media: { email: 'samuel.adeyemi@northgate.example' },
  },
  {
    slug: 'margaret-holloway',
    name: 'Margaret Holloway',
    jobTitle: 'Chair of the Board of Trustees',
    role: 'trustee',
    areas: [],
    bio: 'Margaret Holloway has chaired the Institute’s trustees since 2023. She was for many years a permanent secretary in two Whitehall departments and later chaired a regional health trust. She oversees the Institute’s governance, its finances and the independence of its research.',
  },
  {
    slug: 'richard-osei',
    name: 'Richard Osei',
    jobTitle: 'Trustee and Treasurer',
    role: 'trustee',
    areas: [],
    bio: 'Richard Osei chairs the trustees’ finance and audit committee. A chartered accountant, he was a partner at an audit firm and is a trustee of two housing charities. He signs off the Institute’s accounts and its published list of funders.',
  },
  {
    slug: 'catriona-munro',
    name: 'Catriona Munro',
    jobTitle: 'Vice-Chair of the Board of Trustees',
    role: 'trustee',
    areas: [],
    bio: 'Catriona Munro is professor of public finance at a Scottish university and sat for six years on an independent fiscal council. As Vice-Chair she leads the trustees’ research committee, which reviews the Institute’s programme each year and the way its reports are read before publication.',
  },
  {
    slug: 'anil-mehta',
    name: 'Anil Mehta',
    jobTitle: 'Trustee',
    role: 'trustee',
    areas: [],
    bio: 'Anil Mehta was for eight years chief executive of a regional electricity distribution company, where he had started as an engineer in the control room. He brings to the board the view of those who have to build what policy asks for, and chairs its remuneration committee.',
  },
  {
    slug: 'helena-brandt',
    name: 'Helena Brandt',
    jobTitle: 'Trustee',
    role: 'trustee',
    areas: [],
    bio: 'Helena Brandt edited the business pages of a national newspaper for a decade and then ran a foundation that trains local reporters. On the board she oversees how the Institute explains its work and how it corrects its mistakes.',
  },
  {
    slug: 'owen-pritchard',
    name: 'Owen Pritchard',
    jobTitle: 'Trustee',
    role: 'trustee',
    areas: [],
    bio: 'Owen Pritchard spent thirty years in the trade union movement in Wales, latterly as general secretary of a public-sector union, and has served on the boards of two further-education colleges. He sits on the trustees’ finance and audit committee.',
  },
  {
    slug: 'grace-nwosu',
    name: 'Grace Nwosu',
    jobTitle: 'Trustee',
    role: 'trustee',
    areas: [],
    bio: 'Grace Nwosu is a solicitor specialising in charity and public law and a partner at a London firm. She chairs the trustees’ governance and nominations committee, which fills every vacancy on the board by open advertisement.',
  },
  {
    slug: 'elif-karaca',
    name: 'Elif Karaca',
    jobTitle: 'Associate Fellow, Technology Policy',
    role: 'associate',
    areas: ['technology', 'europe'],
    bio: 'Elif Karaca is a lecturer in technology law and an associate fellow of the Institute, where she contributes to its work on semiconductors, data and digital competition. She previously advised a European parliamentary committee on platform regulation.',
  },
];

export interface SeedPressContact {
  name: string;
  role: string;
  email: string;
  phone: string;
  hours: string;
  position: number;
}

// The first is the press inbox when PRESS_EMAIL is not set.
export const seedPressContacts: SeedPressContact[] = [
  {
    name: 'Joanna Mercer',
    role: 'Head of Communications',
    email: 'press@northgate.example',
    phone: '+44 20 7946 0100',
    hours: 'Monday to Friday, 8am to 7pm',
    position: 0,
  },
  {
    name: 'Ben Ashworth',
    role: 'Press Officer (out of hours)',
    email: 'ben.ashworth@northgate.example',
    phone: '+44 7700 900 482',
    hours: 'Evenings and weekends, for urgent requests',
    position: 1,
  },
];

export interface SeedCoverage {
  title: string;
  outlet: string;
  publishedOn: string;
  url: string;
  /** The person quoted or writing, by slug. */
  person?: string;
}

export const seedCoverage: SeedCoverage[] = [
  {
    title: 'Chancellor urged to stress-test fiscal rules before the next rewrite',
    outlet: 'The Morning Ledger',
    publishedOn: '2026-11-19',
    url: 'https://www.example.com/morning-ledger/2026/11/fiscal-rules-stress-test',
    person: 'daniel-achterberg',
  },
  {
    title: 'Why your wind farm is waiting until 2035 for a grid connection',
    outlet: 'Westminster Weekly',
    publishedOn: '2026-11-08',
    url: 'https://www.example.com/westminster-weekly/grid-connection-queue',
    person: 'helen-orvik',
  },
  {
    title: 'Interview: what a cheaper deterrent would look like',
    outlet: 'The Briefing Room, Radio Meridian',
    publishedOn: '2026-11-13',
    url: 'https://www.example.com/radio-meridian/briefing-room/deterrence-budget',
    person: 'tomasz-wren',
  },
  {
    title: 'Middle powers hold the key to the new Pacific trade pact, say analysts',
    outlet: 'Asia Trade Monitor',
    publishedOn: '2026-10-29',
    url: 'https://www.example.com/asia-trade-monitor/pacific-pact-middle-powers',
    person: 'priya-raman',
  },
  {
    title: 'City clinics left short as health budgets follow the countryside',
    outlet: 'Health Systems Today',
    publishedOn: '2026-10-22',
    url: 'https://www.example.com/health-systems-today/urban-primary-care-funding',
    person: 'amara-okafor',
  },
  {
    title: 'Spending review: five charts that explain the squeeze',
    outlet: 'The Daily Courier',
    publishedOn: '2026-10-15',
    url: 'https://www.example.com/daily-courier/spending-review-charts',
  },
  {
    title: 'Chip subsidies: is Europe paying more for less?',
    outlet: 'Tech Policy Review',
    publishedOn: '2026-09-24',
    url: 'https://www.example.com/tech-policy-review/chip-subsidies-europe',
    person: 'elif-karaca',
  },
];

export const seedPressReleases: SeedArticle[] = [
  {
    slug: 'press-release-fiscal-stress-test',
    kind: 'press-release',
    title: 'Northgate Institute calls for a stress test of the fiscal rules before any rewrite',
    standfirst:
      'New analysis finds the debt rule needs headroom of 1.5 per cent of GDP to be met four years in five; recent budgets have left a third of that.',
    publishedAt: '2026-11-18T07:00:00Z',
    authors: ['joanna-mercer'],
    topics: ['economy', 'united-kingdom'],
    body: `**Embargoed until 00:01, Wednesday 18 November 2026**

The next chancellor should test the fiscal rules against thirty years of forecast errors before changing a word of them, the Northgate Institute says today.

In [new analysis](/articles/fiscal-rules-need-a-stress-test), the Institute’s Director of Economic Policy, Daniel Achterberg, finds that the United Kingdom has had nine sets of fiscal rules in sixteen years, and that the current debt rule would need headroom of roughly 1.5 per cent of GDP to be met with 80 per cent confidence. Recent budgets have left barely a third of that.

The Institute recommends that:

- any new rule is published with a stress test using the Office for Budget Responsibility’s historical forecast errors;
- a minimum headroom is set in law and reported at every fiscal event;
- the rules change only at the start of a parliament, with two years’ notice.

Daniel Achterberg said: “A fiscal rule that is rewritten whenever it binds is not a rule. Testing the rules against bad luck before adopting them is cheap; discovering their weaknesses in a downturn is not.”

## Notes to editors

1. The Northgate Institute is an independent, non-partisan think tank and a registered charity.
2. Daniel Achterberg is available for interview. Contact the press office on +44 20 7946 0100 or press@northgate.example.`,
  },
  {
    slug: 'press-release-primary-care-report',
    kind: 'press-release',
    title:
      'Fast-growing African cities receive as little as a third of rural primary care funding, report finds',
    standfirst:
      'A study of eight cities finds health budgets drawn from population estimates that are, on average, eleven years old.',
    publishedAt: '2026-10-20T07:00:00Z',
    authors: ['joanna-mercer'],
    topics: ['health', 'africa'],
    body: `Public spending on primary care per urban resident is between 30 and 60 per cent of the rural figure in eight of sub-Saharan Africa’s fastest-growing cities, according to [a report published today](/articles/primary-care-africas-growing-cities) by the Northgate Institute.

The report, by Research Fellow Dr Amara Okafor, finds that out-of-pocket payments make up more than half of primary care spending in six of the eight cities, and that the population figures used to allocate budgets are on average eleven years out of date.

It recommends that health ministries allocate primary care budgets using current estimates of urban population, drawn from satellite imagery and mobile network data where censuses are old, and that donors fund city clinics directly during the transition.

Dr Okafor said: “The money follows the map, and the map is a decade old. People in informal settlements are paying for that out of their own pockets.”

## Notes to editors

1. The report draws on budget documents, household surveys and interviews with clinic managers in eight cities.
2. Dr Amara Okafor is available for interview. Contact the press office on +44 20 7946 0100 or press@northgate.example.`,
  },
  {
    slug: 'press-release-director-of-research',
    kind: 'press-release',
    title: 'Northgate Institute appoints Samuel Adeyemi as Director of Research',
    standfirst:
      'The economist, who led a university centre on productivity, will set the Institute’s research programme and chair its review of every report.',
    publishedAt: '2026-09-08T09:00:00Z',
    authors: ['joanna-mercer'],
    topics: ['economy', 'technology'],
    body: `The Northgate Institute has appointed Samuel Adeyemi as its Director of Research. He takes up the post on 1 October.

Samuel spent a decade at a national statistics office building measures of digital output, and then led a university research centre on productivity. At Northgate he will set the research programme, lead the Institute’s work on technology and growth, and chair the internal review that every report passes before publication.

Margaret Holloway, Chair of the Board of Trustees, said: “Samuel brings rigour and an eye for what the numbers leave out. Our reputation rests on the quality of our research, and he is the right person to guard it.”

Samuel Adeyemi said: “Northgate’s strength is evidence that decision-makers can use. I look forward to building on it with our fellows.”

## Notes to editors

For interviews, contact the press office on +44 20 7946 0100 or press@northgate.example.`,
  },
];
