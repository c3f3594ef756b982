// Mixed traffic for `npm run bench:load`: one autocannon instance per kind of request, all at
// once, the connections split by weight, so each kind gets its own latency and status figures
// while they compete for the same server.
import fs from 'node:fs';
import path from 'node:path';
import autocannon, { type Request, type Result } from 'autocannon';
import Stripe from 'stripe';

export interface KindFigures {
  name: string;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  status2xx: number;
  status3xx: number;
  status4xx: number;
  status5xx: number;
  /** Autocannon counts every timeout as an error too. */
  errors: number;
  timeouts: number;
  /** Codes seen, e.g. { 200: 1234, 429: 5 }. */
  statusCodes: Record<string, number>;
  /** What the kind's own responses said, e.g. sign-ins refused vs throttled. */
  outcomes: Record<string, number>;
}

export interface Kind {
  name: string;
  /** Share of the connections, out of the sum of all weights. */
  weight: number;
  request: Request;
  outcomes: Record<string, number>;
}

/** Picks items in turn, so every path is hit about as often. */
function rotation<T>(items: T[]): () => T {
  if (items.length === 0) throw new Error('nothing to rotate through');
  let next = 0;
  return () => items[next++ % items.length]!;
}

// Pages are asked for as a browser loads them: for HTML, compressed if the server will, with no
// cookie.
const get = (name: string, weight: number, paths: string[]): Kind => {
  const pick = rotation(paths);
  return {
    name,
    weight,
    outcomes: {},
    request: {
      method: 'GET',
      headers: {
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
        'accept-encoding': 'gzip, deflate, br',
      },
      setupRequest: (request) => ({ ...request, path: pick() }),
    },
  };
};

/** The site's pages, found the way a crawler would: from /sitemap.xml. */
export async function pagesFrom(baseUrl: string) {
  const xml = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    (match) => new URL(match[1]!).pathname,
  );
  const articles = paths.filter((p) => p.startsWith('/articles/')).slice(0, 12);
  const topics = paths.filter((p) => p.startsWith('/topics/')).slice(0, 6);
  if (articles.length === 0) throw new Error('/sitemap.xml lists no article');
  return { articles, topics };
}

const searchTerms = [
  'energy',
  'energy grid',
  'housing',
  'inflation',
  'trade policy',
  'climate',
  'tax',
  'productivity',
  'nhs',
  'interest rates',
  'planning reform',
  'zzz-no-match',
];

/**
 * The id of a server action, from the build's manifest: a form's request is a POST to its page
 * naming that action, so the load goes through the same code as a person submitting it.
 */
export function serverActionId(root: string, exportedName: string, file: string): string {
  const manifestFile = path.join(root, '.next/server/server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === exportedName && entry.filename?.includes(file),
  );
  if (!found) throw new Error(`${manifestFile} names no ${exportedName} in ${file}`);
  return found[0];
}

const formBoundary = '----benchload7MA4YWxkTrZu0gW';

/**
 * A form posted as a React action with state posts it: React's reply encoding (encodeReply),
 * field "0" holding [previous state, the form] and the form's fields prefixed "_1_".
 */
function actionForm(fields: Record<string, string>, previousState: string): string {
  const part = (name: string, value: string) =>
    `--${formBoundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return (
    Object.entries(fields)
      .map(([name, value]) => part(`_1_${name}`, value))
      .join('') +
    part('0', `[${previousState},"$K1"]`) +
    `--${formBoundary}--\r\n`
  );
}

function actionHeaders(actionId: string, ip: number) {
  return {
    accept: 'text/x-component',
    'next-action': actionId,
    'content-type': `multipart/form-data; boundary=${formBoundary}`,
    'x-forwarded-for': `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`,
  };
}

/**
 * A form posted through its server action over and over, each post built from its index and
 * sent from the address `ip` gives it; each 200 answer is counted as the outcome of the first
 * of `answers` whose text it contains, or as "other 200".
 */
function formPosts(options: {
  name: string;
  weight: number;
  path: string;
  actionId: string;
  /** The form's state before the post, as React encodes it. */
  previousState: string;
  fields: (index: number) => Record<string, string>;
  ip: (index: number) => number;
  answers: [text: string, outcome: string][];
}): Kind {
  const outcomes: Record<string, number> = {};
  let sent = 0;
  return {
    name: options.name,
    weight: options.weight,
    outcomes,
    request: {
      method: 'POST',
      path: options.path,
      setupRequest: (request) => {
        const index = sent++;
        const body = actionForm(options.fields(index), options.previousState);
        return { ...request, headers: actionHeaders(options.actionId, options.ip(index)), body };
      },
      onResponse: (status, body) => {
        const outcome =
          status !== 200
            ? `status ${status}`
            : (options.answers.find(([text]) => body.includes(text))?.[1] ?? 'other 200');
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      },
    },
  };
}

/**
 * Wrong passwords sent as the login form sends them. Each request comes from a new account
 * name and, every `perIp` requests, a new address in X-Forwarded-For (the header clientIp
 * reads), so both throttles answer as they would to a spread of real people: most attempts are
 * refused as wrong, those past a limit are refused as throttled.
 */
function signIns(weight: number, actionId: string, perIp = 60, accounts = 400): Kind {
  return formPosts({
    name: 'sign-in (wrong)',
    weight,
    path: '/login',
    actionId,
    previousState: '{"email":""}',
    fields: (index) => ({
      callbackUrl: '/account',
      email: `nobody${index % accounts}@bench.example`,
      password: `wrong-password-${index}`,
    }),
    ip: (index) => Math.floor(index / perIp),
    answers: [
      ['Too many attempts', 'throttled'],
      ['do not match', 'wrong password'],
    ],
  });
}

/** How a gift started while Stripe is down must be answered. */
export const toldStripeIsDown = 'told Stripe is down';

/**
 * Gifts started from the donation form while Stripe does not answer (the fake drops every API
 * connection for the run). Each comes from its own address and e-mail, under the per-address
 * and per-address-of-e-mail limits, so each reaches Stripe, fails, and must be answered with
 * the form's "nothing was charged" message, never a 5xx, its row kept as checkout_failed.
 */
function donationsWhileStripeIsDown(weight: number, actionId: string): Kind {
  return formPosts({
    name: 'donation (Stripe down)',
    weight,
    path: '/support',
    actionId,
    previousState: '{"values":{},"errors":{}}',
    fields: (index) => ({
      frequency: 'one_off',
      // A typed amount is valid whatever amounts the site suggests.
      oneOffAmount: 'other',
      otherAmount: '25',
      name: `Bench donor ${index}`,
      email: `donor${index}@bench.example`,
      attempt: '',
      website: '',
    }),
    ip: (index) => 1_000_000 + index,
    answers: [
      ['could not reach our payment provider', toldStripeIsDown],
      ['Too many', 'throttled'],
    ],
  });
}

export interface WebhookKind extends Kind {
  /** Indexes of the events answered 2xx at least once. */
  acknowledged: Set<number>;
  payloads: string[];
}

/**
 * Stripe's deliveries: the gifts' events in Stripe's order, over and over, so each is received
 * many times and often by several connections at once. Each delivery is signed as it is sent,
 * so the signature's timestamp stays within the webhook's 300 s tolerance however long the run.
 */
function webhooks(weight: number, events: Stripe.Event[], secret: string): WebhookKind {
  const payloads = events.map((event) => JSON.stringify(event));
  const pick = rotation(payloads.map((_, index) => index));
  const outcomes: Record<string, number> = {};
  const acknowledged = new Set<number>();
  return {
    name: 'stripe webhook',
    weight,
    outcomes,
    acknowledged,
    payloads,
    request: {
      method: 'POST',
      path: '/api/stripe/webhook',
      setupRequest: (request, context) => {
        const index = pick();
        // A connection has one request in flight, so onResponse reads back this index.
        context.event = index;
        const payload = payloads[index]!;
        return {
          ...request,
          headers: {
            'content-type': 'application/json',
            'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret }),
          },
          body: payload,
        };
      },
      onResponse: (status, body, context) => {
        if (status >= 200 && status < 300) acknowledged.add(context.event as number);
        const outcome = /"outcome":"([a-z-]+)"/.exec(body)?.[1] ?? `status ${status}`;
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      },
    },
  };
}

/**
 * What Stripe does after the run: it delivers again every event that never got a 2xx (a slow
 * machine may not have cycled through them all, or the last answer was a 503 retry-later), in
 * its order, until each is acknowledged. Returns how many deliveries that took.
 */
export async function redeliverUnacknowledged(
  baseUrl: string,
  kind: WebhookKind,
  secret: string,
): Promise<number> {
  let deliveries = 0;
  for (let pass = 0; pass < 5 && kind.acknowledged.size < kind.payloads.length; pass += 1) {
    for (const [index, payload] of kind.payloads.entries()) {
      if (kind.acknowledged.has(index)) continue;
      deliveries += 1;
      const response = await fetch(`${baseUrl}/api/stripe/webhook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret }),
        },
        body: payload,
      });
      await response.arrayBuffer();
      if (response.ok) kind.acknowledged.add(index);
    }
  }
  return deliveries;
}

export function mixedKinds(options: {
  articles: string[];
  topics: string[];
  loginActionId: string;
  donateActionId: string;
  events: Stripe.Event[];
  webhookSecret: string;
}): { kinds: Kind[]; webhook: WebhookKind; stripeDownGifts: Kind } {
  const listings = ['/analysis', '/analysis?page=2', ...options.topics];
  const webhook = webhooks(2, options.events, options.webhookSecret);
  const stripeDownGifts = donationsWhileStripeIsDown(1, options.donateActionId);
  const kinds = [
    get('home', 3, ['/']),
    get('article', 5, options.articles),
    get('listing', 4, listings),
    get(
      'search',
      4,
      searchTerms.map((term) => `/search?q=${encodeURIComponent(term)}`),
    ),
    signIns(2, options.loginActionId),
    stripeDownGifts,
    webhook,
  ];
  return { kinds, webhook, stripeDownGifts };
}

/** Splits `total` connections by weight, each kind at least one. */
export function splitConnections(kinds: Kind[], total: number): number[] {
  const weights = kinds.reduce((sum, kind) => sum + kind.weight, 0);
  const shares = kinds.map((kind) => Math.max(1, Math.floor((total * kind.weight) / weights)));
  // What flooring left over goes to the heaviest kind.
  const heaviest = shares.indexOf(Math.max(...shares));
  shares[heaviest]! += Math.max(0, total - shares.reduce((sum, share) => sum + share, 0));
  return shares;
}

function figures(kind: Kind, connections: number, result: Result): KindFigures {
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]),
  );
  return {
    name: kind.name,
    connections,
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    status2xx: result['2xx'],
    status3xx: result['3xx'],
    status4xx: result['4xx'],
    status5xx: result['5xx'],
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    outcomes: kind.outcomes,
  };
}

export async function runMixed(
  baseUrl: string,
  kinds: Kind[],
  totalConnections: number,
  durationSeconds: number,
): Promise<KindFigures[]> {
  const shares = splitConnections(kinds, totalConnections);
  const results = await Promise.all(
    kinds.map((kind, index) =>
      autocannon({
        url: baseUrl,
        connections: shares[index]!,
        duration: durationSeconds,
        requests: [kind.request],
      }),
    ),
  );
  return kinds.map((kind, index) => figures(kind, shares[index]!, results[index]!));
}

/**
 * GETs every page once, as a browser asks for it, so the run measures a warm server: its code
 * loaded and its data and page caches filled, as a site is when a piece goes viral.
 */
export async function warmUpPages(baseUrl: string, kinds: Kind[]): Promise<void> {
  for (const kind of kinds) {
    if (kind.request.method !== 'GET' || !kind.request.setupRequest) continue;
    const seen = new Set<string>();
    for (;;) {
      const next = kind.request.setupRequest({}, {}).path;
      if (!next || seen.has(next)) break;
      seen.add(next);
      await (
        await fetch(baseUrl + next, kind.request.headers ? { headers: kind.request.headers } : {})
      ).arrayBuffer();
    }
  }
}
