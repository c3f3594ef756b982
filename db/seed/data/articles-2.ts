import type { SeedArticle } from './article-type';

export const seedArticlesSummer: SeedArticle[] = [
  {
    slug: 'semiconductor-subsidies-race',
    kind: 'analysis',
    title: 'Semiconductor subsidies: a race nobody can win alone',
    standfirst:
      'Governments on three continents are spending hundreds of billions to bring chip-making home. Coordination would buy more security for less money.',
    publishedAt: '2026-09-22T08:00:00Z',
    revisedAt: '2026-09-30T10:00:00Z',
    authors: ['priya-raman', 'tomasz-wren'],
    topics: ['technology', 'trade', 'asia-pacific', 'americas'],
    hero: {
      image: 'circuit-grid',
      caption: 'A modern fabrication plant costs more than an aircraft carrier.',
    },
    body: `The United States, the European Union, Japan, South Korea and India have between them committed more than $400 billion in public support to semiconductor manufacturing. Each programme is justified on grounds of security: a country that cannot make chips, the argument goes, is at the mercy of those that can.

## Duplication is not resilience

If every ally builds the same leading-edge capacity, the result is overcapacity in some products and continuing dependence in others. The most acute vulnerabilities lie not in the fabrication plants that attract the subsidies but in less visible inputs: specialty chemicals, photomasks, packaging and testing.

## A better division of labour

- Map jointly which inputs are concentrated in a single country or firm.
- Agree which partner takes the lead on each, and share access in a crisis.
- Tie subsidies to commitments on supply in an emergency, not only to location.

*Updated on 30 September to correct the figure for India’s programme.*`,
  },
  {
    slug: 'heat-health-cost-of-doing-nothing',
    kind: 'analysis',
    title: 'Heat, health and the cost of doing nothing',
    standfirst:
      'Summer heat now kills more people in Europe than any other weather hazard. Most of those deaths are preventable with measures that cost little.',
    publishedAt: '2026-09-10T08:00:00Z',
    authors: ['amara-okafor', 'helen-orvik'],
    topics: ['health', 'energy-climate', 'europe'],
    hero: {
      image: 'wind-field',
      caption: 'Heat risk is highest indoors, in homes built to keep warmth in.',
    },
    body: `Heatwaves are quieter killers than floods or storms. The deaths they cause happen indoors, among older people living alone, and are counted weeks later in excess mortality statistics.

## Where the risk lies

Three groups account for most heat deaths: people over 75, people with heart, lung or kidney disease, and people on medicines that impair the body’s response to heat. Many belong to all three.

## What works

- **Heat-health warning systems** that trigger action by social care and GP practices, not only public announcements.
- **Registers of vulnerable residents**, so that someone checks on them during a heatwave.
- **Passive cooling** in care homes and social housing: shading, ventilation and reflective roofs.

## The cost

We estimate that a national programme combining all three would cost under £200 million a year, less than a tenth of the health-service cost of a severe heatwave summer.`,
  },
  {
    slug: 'local-government-finance-hidden-crisis',
    kind: 'commentary',
    title: 'Local government finance is the crisis hiding in plain sight',
    standfirst:
      'A growing number of councils are one bad winter from effective bankruptcy. Emergency loans are treating the symptom.',
    publishedAt: '2026-08-27T07:00:00Z',
    authors: ['daniel-achterberg'],
    series: 'fiscal-watch',
    topics: ['economy', 'united-kingdom'],
    hero: {
      image: 'ledger-columns',
      caption:
        'Adult social care and temporary housing now take most of a typical council’s budget.',
    },
    body: `Twelve councils in England have now needed exceptional financial support to balance their budgets. The list grows every year, and it no longer consists only of councils that made reckless investments.

## The squeeze

Demand for adult social care, children’s services and temporary accommodation has risen far faster than council income. Those three services now account for about two-thirds of spending in a typical upper-tier authority, leaving little for the libraries, parks and roads that residents notice.

## Why loans are not enough

Exceptional support usually takes the form of permission to borrow or sell assets to cover day-to-day spending. That keeps services running this year at the cost of higher interest bills in every year that follows.

## What would help

1. A multi-year settlement, so councils can plan beyond the next twelve months.
2. A fair funding review that reflects current need, delayed for too long.
3. Reform of council tax, still based on property values from 1991.`,
  },
  {
    slug: 'carbon-border-adjustments-primer',
    kind: 'briefing',
    title: 'Carbon border adjustments: a primer for exporters',
    standfirst:
      'From next year, importers of steel, cement and fertiliser into Europe will pay for the carbon embedded in them. What exporters need to know.',
    publishedAt: '2026-08-06T08:00:00Z',
    authors: ['helen-orvik', 'priya-raman'],
    topics: ['trade', 'energy-climate', 'europe'],
    hero: {
      image: 'trade-arcs',
      caption: 'Carbon pricing is becoming a trade question as much as a climate one.',
    },
    body: `The European Union’s carbon border adjustment mechanism moves from reporting to payment at the start of next year. Importers of covered goods must buy certificates priced in line with the EU’s own carbon market.

## Which goods are covered

- Iron and steel
- Aluminium
- Cement
- Fertilisers
- Hydrogen
- Electricity

## What exporters should do now

1. **Measure embedded emissions** at installation level, using the EU’s methodology. Default values are punitive.
2. **Document carbon prices already paid** at home, which can be deducted.
3. **Talk to importers**, who carry the legal obligation and will pass the cost back.

## The wider picture

Similar schemes are under discussion in the United Kingdom, Canada and elsewhere. Exporters who invest in measurement now will be ready for all of them.`,
  },
  {
    slug: 'taiwan-strait-scenarios-2030',
    kind: 'analysis',
    title: 'Scenarios for the Taiwan Strait in 2030',
    standfirst:
      'An analysis for the Research Circle of four ways the next five years could unfold, and the early signs that would tell us which one we are in.',
    publishedAt: '2026-07-15T07:00:00Z',
    visibility: 'tiers',
    tiers: ['research-circle', 'directors-circle', 'honorary'],
    authors: ['tomasz-wren', 'priya-raman'],
    topics: ['security-defence', 'asia-pacific', 'trade'],
    hero: {
      image: 'concentric-rings',
      caption: 'Scenario planning is about signposts, not predictions.',
    },
    body: `This analysis is reserved for members of the Institute. It sets out four scenarios for the Taiwan Strait to 2030, built with a group of former officials and business leaders over three workshops this spring.

## The four scenarios

1. **Managed tension.** Military activity continues at today’s level; trade and investment adjust slowly.
2. **Grey-zone squeeze.** Coast-guard inspections and customs measures tighten without a declared blockade.
3. **Economic decoupling.** Export controls and investment screening split supply chains into two blocs.
4. **Crisis.** A military confrontation disrupts shipping through the strait for weeks or longer.

## Signposts to watch

- Changes in the legal basis claimed for inspections of shipping.
- Insurance premiums for vessels transiting the strait.
- Stockpiling of semiconductors and critical minerals by large manufacturers.

## Implications for business

Firms should test their supply chains against the second scenario, which is both more likely than a crisis and harder to recognise once under way.`,
  },
  {
    slug: 'productivity-puzzle-what-the-data-says',
    kind: 'analysis',
    title: 'The productivity puzzle: what the data really says',
    standfirst:
      'Fifteen years of weak productivity growth have produced many theories. The evidence supports fewer of them than you might think.',
    publishedAt: '2026-06-24T08:00:00Z',
    authors: ['daniel-achterberg'],
    series: 'fiscal-watch',
    topics: ['economy', 'united-kingdom'],
    hero: {
      image: 'skyline-bars',
      caption: 'Output per hour has grown at less than half its pre-2008 rate.',
    },
    body: `Output per hour worked in the UK grew by about 2 per cent a year in the decades before the financial crisis. Since then it has grown by about half a per cent. The difference, compounded, is the single largest reason living standards have stagnated.

## Theories the data supports

- **Weak investment.** Business investment as a share of GDP has been the lowest in the G7 for most of the period.
- **Slow diffusion.** The gap between the most productive firms and the rest has widened; good practice spreads slowly.

## Theories it does not

- **Mismeasurement.** Corrections for digital services explain only a small part of the slowdown.
- **Zombie firms.** Their share of employment is too small to account for the aggregate pattern.

## Implications

Policy should focus on the conditions for investment, including planning, stable tax incentives and infrastructure, rather than on new productivity strategies, of which there have been eleven since 2010.`,
  },
  {
    slug: 'vaccine-manufacturing-africa-pledges-to-plants',
    kind: 'report',
    title: 'Vaccine manufacturing in Africa: from pledges to plants',
    standfirst:
      'The continent imports almost all of its vaccines. A target to make 60 per cent locally by 2040 is achievable only if buyers commit to purchase.',
    publishedAt: '2026-06-09T08:00:00Z',
    authors: ['amara-okafor'],
    topics: ['health', 'africa'],
    hero: {
      image: 'cell-pattern',
      caption: 'Fill-and-finish plants are the first step towards full local production.',
    },
    body: `African countries use about a quarter of the world’s vaccines and make about one per cent of them. The African Union has set a goal of producing 60 per cent of the continent’s vaccines locally by 2040.

## Progress so far

Around a dozen projects are under way, most of them fill-and-finish plants that package vaccines made elsewhere. A handful aim at full drug-substance manufacture.

## The missing piece: demand

A vaccine plant needs predictable orders to survive between outbreaks. Today most vaccines for the continent are bought through international procurement agencies on price alone, and new African producers cannot yet compete on price.

## Recommendations

1. Procurement agencies should commit to buying a rising share from African producers, at a modest premium, for ten years.
2. Regional regulators should recognise each other’s approvals to widen each producer’s market.
3. Development banks should finance working capital as well as buildings.`,
  },
];

export const seedArticlesUnpublished: SeedArticle[] = [
  {
    slug: 'what-to-watch-at-the-defence-ministerial',
    kind: 'commentary',
    title: 'What to watch at the defence ministerial',
    standfirst:
      'Three decisions that will show whether the alliance’s new spending pledge is real.',
    status: 'scheduled',
    publishedAt: '2027-02-08T07:30:00Z',
    authors: ['tomasz-wren'],
    series: 'the-wren-dispatch',
    topics: ['security-defence', 'europe'],
    body: `Defence ministers meet next week with one question before them: will the pledges of the past year turn into contracts?

- Watch for a common stockpile target.
- Watch for joint orders of air-defence interceptors.
- Watch for a date for the next capability review.`,
  },
  {
    slug: 'housing-supply-and-the-planning-system',
    kind: 'analysis',
    title: 'Housing supply and the planning system',
    standfirst: 'Draft: why permissions granted do not become homes built.',
    status: 'draft',
    publishedAt: null,
    authors: ['daniel-achterberg'],
    topics: ['economy', 'united-kingdom'],
    body: `Draft in progress. Outline:

1. Permissions granted versus completions, 2015–2026.
2. Build-out rates on large sites.
3. Options: land value capture, public master-developers, small sites.`,
  },
];
