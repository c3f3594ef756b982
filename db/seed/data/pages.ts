import type { FunderBand } from '../../schema';
import type { CharityDetails } from '@/lib/config/charity';
import { privacyNotice } from '@/lib/pages/privacy-notice';

// The registration sentence of About, each number linked to its public register entry.
function registration(charity: CharityDetails): string {
  const linked = (text: string, url: string | null) => (url ? `[${text}](${url})` : text);
  const charityText = linked(`registered charity, number ${charity.number}`, charity.registerUrl);
  const company = charity.companyNumber
    ? `, and a ${linked(`company limited by guarantee, number ${charity.companyNumber}`, charity.companyUrl)}`
    : '';
  return `${charity.name} is a ${charityText}${company}. Registered office: ${charity.address}.`;
}

export interface SeedPage {
  slug: string;
  title: string;
  summary: string;
  body: string;
  inNavigation?: boolean;
  inFooter?: boolean;
  menuLabel?: string;
  menuPosition: number;
  showsFunders?: boolean;
}

/** The institution's pages: About and the privacy notice give the charity's configured details. */
export const seedPages = (charity: CharityDetails): SeedPage[] => [
  {
    slug: 'about',
    title: 'About the Institute',
    menuLabel: 'About',
    summary:
      'Northgate is an independent, non-partisan research institute working on economics, energy, trade, security and health.',
    inNavigation: true,
    inFooter: true,
    menuPosition: 10,
    body: `Northgate Institute is an independent research institute and a registered charity. We study the questions on which the next decade of British and European policy turns: how to pay for public services, how to build clean power quickly and fairly, how to trade in a world of economic blocs, how to keep the country safe, and how to make health systems work for the people who depend on them.

We were founded in 2009 by a group of economists, former officials and journalists who shared a frustration: that policy was too often made on the evidence that was quickest to hand rather than the evidence that mattered. Our answer was an institute that takes the time to get things right, publishes everything it finds, and explains it so that anyone can follow the argument.

## What we do

- **Research.** Our fellows publish reports, briefings and papers, each reviewed by at least two readers outside the author's team before publication. Our data and methods are published alongside the work wherever the law allows.
- **Analysis and commentary.** Shorter pieces respond to events: a Budget, a trade dispute, a defence review. Our regular series, *Fiscal Watch* and *The Wren Dispatch*, follow the public finances and defence policy through the year.
- **Convening.** We bring ministers, officials, business, unions and civil society into the same room, under rules that let them speak candidly, to test ideas before they become policy.
- **Explaining.** We brief journalists, select committees and officials of every party. We do not lobby for legislation and we take no instructions from those who fund us.

## Our independence

We are non-partisan. We do not take money from political parties, and we accept no funding from governments for our research agenda. Funders cannot review, change or veto what we publish; our agreements with them say so in writing. Every funder who gives £5,000 or more in a year is named on our [funding and transparency](/funding-and-transparency) page, with the band of their gift and what it paid for.

## How we are governed

The Institute is governed by a board of seven trustees, [listed with our people](/people?role=trustee), who serve terms of up to three years and meet quarterly. The board appoints the Director, approves the research programme and the budget, and oversees our policy on funding. Trustees are unpaid. Our annual report and accounts are filed with the Charity Commission and published here each autumn.

${registration(charity)}

## Working with us

We are a team of around forty: researchers, editors, data specialists and a small operations staff, based in London with fellows in Edinburgh, Brussels and Singapore. We advertise every vacancy openly and pay all our staff, including interns, at least the Real Living Wage.

If you would like to support our work, you can [give once or monthly](/support), or [become a member](/join) to read our members' briefings. To reach us, see our [contact page](/contact).`,
  },
  {
    slug: 'funding-and-transparency',
    title: 'Funding and transparency',
    summary:
      'Who funds the Institute, how much they give, and the rules that keep our research independent of them.',
    inFooter: true,
    menuPosition: 20,
    showsFunders: true,
    body: `We believe that anyone reading our work should be able to see who pays for it. This page lists our total income for each of the last two years and every funder who gave £5,000 or more in that year, in bands, with what their money paid for.

## Where our money comes from

Our income comes from four sources: charitable foundations and trusts, which fund most of our research programmes; individual donors and members, whose gifts are our most flexible support; companies, which fund specific projects and events; and a small amount of earned income from events and the sale of printed reports. We do not take money from political parties, and we do not accept government grants for our core research agenda.

## Our rules

- **No funder shapes our findings.** Every funding agreement states that the Institute alone decides what is researched, how, and what is published. Funders may see a report shortly before publication as a courtesy, never to approve it.
- **We name our funders.** Every funder giving £5,000 or more in a year is listed below. Gifts under £5,000, most of them from private individuals, are counted but not named, to respect donors' privacy.
- **We check where money comes from.** Gifts of £25,000 or more are reviewed by our trustees' finance and audit committee before they are accepted. We decline funding whose source we cannot establish, or which would compromise our independence or reputation.
- **We cap any one funder.** No single funder may provide more than 15 per cent of our income in any year.

Our full accounts, audited each year, are filed with the Charity Commission. If you have a question about our funding, write to our Director of Operations at the address on our [contact page](/contact).`,
  },
  {
    slug: 'contact',
    title: 'Contact us',
    menuLabel: 'Contact',
    summary: 'How to reach the Institute: our office, our researchers, and our membership team.',
    inFooter: true,
    menuPosition: 30,
    body: `## Our office

Northgate House, 1 Example Street, London. The office is open from 9am to 5.30pm, Monday to Friday. Visitors are welcome by appointment: the building has step-free access and a hearing loop in the main meeting room.

Telephone: 020 7946 0123

E-mail: hello@northgate.example

## Journalists

Our press office can arrange interviews with our researchers, usually the same day. Please call or write to the press office rather than the general address, so that we can answer quickly.

## Researchers and policy

To discuss a piece of our work, write to the author: each fellow's page lists their areas and how to reach them. Officials, parliamentarians and their staff are welcome to ask for a private briefing on any of our publications.

## Members and supporters

For questions about a membership, a gift or a Gift Aid declaration, write to supporters@northgate.example or call 020 7946 0124. You can change your details, your membership and your monthly gift at any time from your account.

## Writing to us about your data

If you want to know what we hold about you, or to ask us to correct or delete it, write to privacy@northgate.example. Our [privacy notice](/privacy) explains what we keep and why.`,
  },
  { ...privacyNotice(charity), inFooter: true, menuPosition: 40 },
  {
    slug: 'terms',
    title: 'Terms of use',
    summary: 'The terms on which you may read, share and reuse what we publish on this site.',
    inFooter: true,
    menuPosition: 50,
    body: `These terms apply to your use of this website. By using the site you accept them. If you do not, please do not use the site.

## Our content

Unless a page says otherwise, the text of our publications is published under the Creative Commons Attribution 4.0 licence: you may share and adapt it, for any purpose, provided you credit the Institute and the author and link to the original. Photographs, charts supplied by others and our logo are not covered by that licence; their credits say who owns them.

Members-only briefings are for the personal use of members. Please do not republish them in full, though quoting a reasonable extract with credit is welcome.

## Accuracy

We take great care to get things right, and we correct errors openly: a corrected piece says what changed and when. But our work is analysis, not advice. Nothing on this site is financial, legal or investment advice, and you should not rely on it as such.

## Your account

You are responsible for keeping your password safe and for what is done through your account. We may suspend an account that is used to abuse the site, its readers or our staff. You can close your account at any time from your account page.

## Links to other sites

We link to other websites where we think they will help you. We are not responsible for their content, and a link is not an endorsement.

## Changes to these terms

We may change these terms from time to time; the date of the latest change is kept in our records and available on request. These terms are governed by the law of England and Wales.`,
  },
];

export interface SeedFunder {
  name: string;
  band: FunderBand;
  year: number;
  purpose: string;
  url?: string;
}

export const seedFunders: SeedFunder[] = [
  {
    name: 'The Halvergate Foundation',
    band: 'from_250k',
    year: 2025,
    purpose: 'Core funding for the energy and climate programme',
  },
  {
    name: 'Alderwick Charitable Trust',
    band: 'from_100k',
    year: 2025,
    purpose: 'Fiscal Watch and the public finances programme',
  },
  {
    name: 'Marlowe & Penn Family Foundation',
    band: 'from_100k',
    year: 2025,
    purpose: 'Global health financing research',
  },
  {
    name: 'Easterbrook Trust',
    band: 'from_25k',
    year: 2025,
    purpose: 'Trade and supply chains in the Asia-Pacific',
  },
  {
    name: 'Clearwater Grid Partners Ltd',
    band: 'from_25k',
    year: 2025,
    purpose: 'Grid connections conference, March 2025',
  },
  {
    name: 'Sir Anthony and Lady Ruth Gale',
    band: 'from_5k',
    year: 2025,
    purpose: 'General support',
  },
  {
    name: 'The Fenwick Lowe Trust',
    band: 'from_5k',
    year: 2025,
    purpose: 'Research internships',
  },
  { name: 'Mr James Hartley', band: 'under_5k', year: 2025, purpose: 'General support' },
  {
    name: 'The Halvergate Foundation',
    band: 'from_100k',
    year: 2024,
    purpose: 'Core funding for the energy and climate programme',
  },
  {
    name: 'Alderwick Charitable Trust',
    band: 'from_100k',
    year: 2024,
    purpose: 'Fiscal Watch and the public finances programme',
  },
  {
    name: 'Northern Lights Community Foundation',
    band: 'from_25k',
    year: 2024,
    purpose: 'Regional productivity study',
  },
  {
    name: 'Aurelian Insurance plc',
    band: 'from_5k',
    year: 2024,
    purpose: 'Defence procurement roundtable series',
  },
  { name: 'Dr Miriam Osei-Hall', band: 'from_5k', year: 2024, purpose: 'General support' },
  { name: 'Ms Eleanor Vance', band: 'under_5k', year: 2024, purpose: 'General support' },
];

export const seedFundingYears = [
  {
    year: 2025,
    totalIncomePence: 2_184_500_00,
    note: 'Year to 31 December 2025, audited. Besides the funders named below: £1,146,000 from about 2,300 individual donors and members, and £96,000 from events and sales of printed reports.',
  },
  {
    year: 2024,
    totalIncomePence: 1_936_200_00,
    note: 'Year to 31 December 2024, audited. Besides the funders named below: £1,190,000 from about 2,100 individual donors and members, and £84,000 from events and sales of printed reports.',
  },
];
