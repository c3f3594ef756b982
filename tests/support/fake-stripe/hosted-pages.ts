import type Stripe from 'stripe';
import { showCheckout, submitPayment } from './checkout-page';
import { html, page } from './html';
import {
  cancelFromPortal,
  changePriceFromPortal,
  chooseNewPrice,
  confirmCancellation,
  confirmNewPrice,
  renewFromPortal,
  showPortal,
} from './portal-pages';
import type { FakeState } from './state';

// Stand-ins for Stripe's hosted Checkout page and customer portal: plain HTML forms a browser
// test can fill in. Like Stripe, they send the visitor on at once and the webhooks afterwards,
// on the delivery queue's own time, so the site may see the visitor before it hears the news.

export interface HostedContext {
  state: FakeState;
  /** Queues events as Stripe sends them: later, each on its own, retried on failure. */
  send(events: Stripe.Event[]): void;
}

export interface PageAnswer {
  status: number;
  html?: string;
  location?: string;
}

const segment = (value: string | undefined) => decodeURIComponent(value ?? '');

export function handleHostedPage(
  context: HostedContext,
  method: string,
  path: string,
  form: URLSearchParams,
): PageAnswer | null {
  const pay = /^\/pay\/([^/]+)$/.exec(path);
  if (pay) {
    const id = segment(pay[1]);
    return method === 'POST' ? submitPayment(context, id, form) : showCheckout(context.state, id);
  }
  const portal = /^\/portal\/([^/]+)$/.exec(path);
  if (portal && method !== 'POST') return showPortal(context.state, segment(portal[1]));
  const update = /^\/portal\/([^/]+)\/subscriptions\/([^/]+)\/update(?:\/([^/]+))?$/.exec(path);
  if (update) return updatePage(context, method, update.slice(1).map(segment));
  const action = /^\/portal\/([^/]+)\/subscriptions\/([^/]+)\/(cancel|renew)$/.exec(path);
  if (!action) return null;
  const [portalId, subscriptionId] = [segment(action[1]), segment(action[2])];
  if (action[3] === 'renew') {
    return method === 'POST' ? renewFromPortal(context, portalId, subscriptionId) : null;
  }
  return method === 'POST'
    ? cancelFromPortal(context, portalId, subscriptionId)
    : confirmCancellation(context.state, portalId, subscriptionId);
}

/** The portal's update steps: choose a price, confirm it (GET), make the change (POST). */
function updatePage(context: HostedContext, method: string, ids: string[]): PageAnswer | null {
  const [portalId = '', subscriptionId = '', priceId = ''] = ids;
  if (priceId === '') {
    return method === 'POST' ? null : chooseNewPrice(context.state, portalId, subscriptionId);
  }
  return method === 'POST'
    ? changePriceFromPortal(context, portalId, subscriptionId, priceId)
    : confirmNewPrice(context.state, portalId, subscriptionId, priceId);
}

export function message(status: number, title: string, text: string): PageAnswer {
  return {
    status,
    html: page(
      title,
      html`<h1>${title}</h1>
        <p>${text}</p>`,
    ),
  };
}
