import type { SeedArticle } from './article-type';

export const seedArticlesAutumn: SeedArticle[] = [
  {
    slug: 'fiscal-rules-need-a-stress-test',
    kind: 'analysis',
    title: 'Britain’s fiscal rules need a stress test, not another rewrite',
    standfirst:
      'Every chancellor since 2010 has redrawn the rules. The next one should test them against bad luck before changing a word.',
    publishedAt: '2026-11-18T08:00:00Z',
    authors: ['daniel-achterberg'],
    series: 'fiscal-watch',
    topics: ['economy', 'united-kingdom'],
    hero: {
      image: 'ledger-columns',
      caption: 'Fiscal rules are only as good as the forecasts they are judged against.',
    },
    body: `The United Kingdom has had nine sets of fiscal rules in sixteen years. Each was announced as a durable anchor; most lasted until the first forecast that made them inconvenient. The problem is not that the rules are badly designed. It is that nobody checks, before adopting them, how they behave when the economy does not do what the central forecast says.

## What a stress test would look like

The Office for Budget Responsibility already publishes alternative scenarios. What is missing is a formal exercise, run before a rule is adopted, that asks three questions:

1. How often would the rule have been broken over the past thirty years, given the shocks that actually happened?
2. When it was broken, would meeting it have required cuts or tax rises during a downturn?
3. How much *headroom* would a government need to meet it four years in five?

Rules that fail the second question are worse than no rule at all: they turn ordinary bad luck into pro-cyclical austerity.

## Headroom is the real policy choice

Our estimates suggest that the current debt rule needs headroom of roughly 1.5 per cent of GDP to be met with 80 per cent confidence. Recent budgets have left barely a third of that. A chancellor who keeps the rule but not the headroom has, in effect, chosen to break it later.

> A fiscal rule that is rewritten whenever it binds is not a rule. It is a press release with a half-life.

## Recommendations

- Publish a stress test alongside any new rule, using the OBR’s historical forecast errors.
- Set a minimum headroom in law, and report against it at every fiscal event.
- Change the rules only at the start of a parliament, with a two-year notice period.

None of this requires a new institution. It requires the Treasury to show its working.`,
  },
  {
    slug: 'deterrence-on-a-budget',
    kind: 'commentary',
    title: 'Deterrence on a budget',
    standfirst:
      'Spending targets dominate the defence debate. The harder question is what an extra pound buys, and how quickly.',
    publishedAt: '2026-11-12T07:30:00Z',
    authors: ['tomasz-wren'],
    series: 'the-wren-dispatch',
    topics: ['security-defence', 'europe'],
    hero: {
      image: 'concentric-rings',
      caption: 'Readiness, not headline spending, is what an adversary measures.',
    },
    body: `Governments across Europe are competing to announce the largest defence spending target. Two and a half per cent of GDP has become three; three is becoming three and a half. The numbers matter, but they are the least interesting part of the story.

## Money is not readiness

An adversary does not read budget documents. It counts brigades that can deploy within thirty days, munitions stocks that last beyond the first week, and air defences that can be resupplied. On each of those measures, the gap between what has been promised and what exists today is measured in years, not pounds.

The binding constraint is now industrial. Orders placed this year for artillery shells, air-defence interceptors and armoured vehicles will in many cases be delivered after 2029. Money spent on programmes that deliver late buys deterrence late.

## Three things to buy first

- **Stocks over platforms.** Munitions and spare parts are unglamorous, quick to contract and immediately useful.
- **People.** Retention payments for engineers and technicians cost little and protect the capabilities we already own.
- **Multi-year contracts.** Industry will not build factories on one-year orders. Ten-year framework agreements are the cheapest capacity a ministry can buy.

Targets are a political signal. Readiness is a military fact. The next budget should be judged on the second.`,
  },
  {
    slug: 'grid-connections-new-bottleneck',
    kind: 'analysis',
    title: 'Grid connections are the new bottleneck of the energy transition',
    standfirst:
      'Hundreds of gigawatts of wind, solar and storage are waiting in line to connect. Reforming the queue would do more for clean power than any new subsidy.',
    publishedAt: '2026-11-05T09:00:00Z',
    authors: ['helen-orvik'],
    topics: ['energy-climate', 'united-kingdom', 'europe'],
    hero: { image: 'wind-field', caption: 'Generation is ready to build; the wires are not.' },
    body: `A decade ago, the energy transition was held back by the cost of renewable generation. Today a new onshore wind farm or solar park is among the cheapest sources of power available. What holds projects back is the wait to plug them in.

## The queue

In Great Britain, projects with a combined capacity of more than 700 gigawatts hold connection offers, several times what the system could ever need. Many are speculative: applications made cheaply to hold a place in line. Viable projects behind them are offered connection dates in the late 2030s.

| Technology | Capacity in the queue (GW) | Typical connection date offered |
| --- | --- | --- |
| Battery storage | 290 | 2031–2036 |
| Solar | 180 | 2030–2035 |
| Onshore and offshore wind | 160 | 2029–2037 |
| Other | 80 | 2030–2036 |

*Figures rounded; Institute analysis of published connection registers.*

## First ready, first connected

Reform is already under way, but it should go further:

- Require evidence of land rights and planning progress before a project keeps its place.
- Charge rising fees for holding capacity that is not used.
- Plan transmission for the system we want in 2035, not connection by connection.

## The prize

Clearing speculative projects from the queue could bring forward the connection of viable schemes by four to six years. Every year gained is cheaper power and lower emissions, at almost no cost to the public purse.`,
  },
  {
    slug: 'pacific-trade-pact-middle-powers',
    kind: 'analysis',
    title: 'What the Pacific trade pact means for middle powers',
    standfirst:
      'The newest members of the region’s largest trade agreement are not joining for tariff cuts. They are buying insurance.',
    publishedAt: '2026-10-28T06:00:00Z',
    authors: ['priya-raman'],
    topics: ['trade', 'asia-pacific'],
    hero: {
      image: 'trade-arcs',
      caption:
        'Middle powers are knitting together trade routes that do not run through the great powers.',
    },
    external: {
      name: 'The Meridian Review',
      url: 'https://www.meridianreview.example/2026/10/pacific-pact-middle-powers',
      publishedAt: '2026-10-27T18:00:00Z',
    },
    body: `When a mid-sized economy applies to join a trade agreement whose existing members already account for most of its exports, the tariff arithmetic is small. The reason to join is elsewhere.

For the latest applicants, membership is a hedge. It locks in rules on customs, state-owned enterprises and digital trade with partners who share an interest in keeping markets open, whatever the largest economies decide to do next. It also gives each a seat in the room where the rules are updated.

The agreement’s accession process has become its most important feature. Each new member must meet the existing standard in full; nobody is offered a discount. That has made the club slower to grow, but it has also made membership a credible signal.

This is an excerpt. The full article, with an assessment of which applicants are likely to succeed, appears in The Meridian Review.`,
  },
  {
    slug: 'primary-care-africas-growing-cities',
    kind: 'report',
    title: 'Financing primary care in Africa’s fastest-growing cities',
    standfirst:
      'Urban populations are doubling within a generation, but health budgets are still drawn for the countryside. Our new report maps the gap and how to close it.',
    publishedAt: '2026-10-20T08:00:00Z',
    authors: ['amara-okafor'],
    topics: ['health', 'africa'],
    hero: {
      image: 'cell-pattern',
      caption:
        'Clinics in informal settlements serve populations that official figures undercount.',
    },
    body: `By 2050, more than half of sub-Saharan Africa’s population will live in towns and cities. Most of the growth will happen in informal settlements, where residents pay for much of their health care out of pocket at private clinics and pharmacies of varying quality.

## Key findings

- Public spending on primary care per urban resident is, in the eight cities we studied, between 30 and 60 per cent of the rural figure.
- Out-of-pocket payments account for more than half of primary care spending in six of the eight.
- Population estimates used to allocate budgets are, on average, eleven years old.

## Why the money follows the map

Health budgets are typically allocated to districts according to census populations and the number of public facilities. Fast-growing urban districts have few public facilities and stale census counts, so they receive less than their need at every stage.[^1]

## Recommendations

1. Allocate primary care budgets on current population estimates, using satellite and mobile data where census figures are out of date.
2. Contract accredited private clinics to deliver a defined package of services, paid per registered patient.
3. Ring-fence a share of any new health financing for urban primary care.

[^1]: Institute analysis of budget allocation formulas in eight countries, 2018–2025.`,
  },
  {
    slug: 'spending-review-in-five-charts',
    kind: 'briefing',
    title: 'The spending review in five charts',
    standfirst:
      'A members’ briefing on where the money goes, which departments face real-terms cuts, and the assumptions that hold it together.',
    publishedAt: '2026-10-14T07:00:00Z',
    visibility: 'members',
    authors: ['daniel-achterberg', 'helen-orvik'],
    series: 'fiscal-watch',
    topics: ['economy', 'united-kingdom'],
    hero: { image: 'skyline-bars', caption: 'Day-to-day spending by department, in real terms.' },
    body: `This briefing is for members of the Institute. It walks through the spending review in five charts and sets out the three assumptions on which the settlement depends.

## 1. Health takes the lion’s share again

Health and social care absorb almost two-thirds of the increase in day-to-day spending over the review period. Every other department shares what is left.

## 2. Unprotected departments face real-terms cuts

Once health, defence and schools are set aside, the remaining departments face an average real-terms cut of 1.8 per cent a year. Local government, justice and the environment department are the most exposed.

## 3. Capital spending is front-loaded

Investment rises sharply in the first two years and is then held flat in cash terms. The energy department’s grid and nuclear programmes account for most of the early increase.

## 4. The efficiency assumption is heroic

The settlement assumes productivity gains of 2 per cent a year across the public sector, twice the rate achieved in any five-year period since the 1990s.

## 5. The headroom is thin

Against the fiscal rules, the plans leave headroom of less than half a per cent of GDP. A modest forecast revision would eliminate it.

> Members’ note: the underlying tables for each chart are available on request from the economics team.`,
  },
  {
    slug: 'europes-ammunition-gap-a-year-on',
    kind: 'commentary',
    title: 'Europe’s ammunition gap, a year on',
    standfirst:
      'Production of artillery shells has roughly doubled. Demand has grown faster, and the hardest part is still ahead.',
    publishedAt: '2026-10-02T07:30:00Z',
    authors: ['tomasz-wren'],
    series: 'the-wren-dispatch',
    topics: ['security-defence', 'europe'],
    hero: {
      image: 'contour-lines',
      caption: 'New production lines take years, not months, to reach full output.',
    },
    body: `A year ago I argued in this column that Europe’s ammunition problem was a contracting problem disguised as an industrial one. Governments wanted shells; manufacturers wanted orders long enough to justify new lines. Neither moved first.

## What has changed

Some things have improved. Several governments have signed multi-year contracts, and European production of 155mm shells has roughly doubled. Joint procurement has begun to work, slowly.

## What has not

- Explosives and propellant remain the binding constraint, and new capacity is only now being built.
- Stockpile targets are still set nationally and rarely published, so nobody can tell whether production is enough.
- Smaller states continue to pay higher prices for smaller orders.

## The next step

Europe needs a shared stockpile target, published annually, and a standing purchase agreement that commits governments to buy what industry builds. That would turn a one-off surge into a permanent capacity, which is what deterrence requires.`,
  },
];
