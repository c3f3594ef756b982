import type Stripe from 'stripe';
import { message, type HostedContext, type PageAnswer } from './hosted-pages';
import { html, page } from './html';
import { formatMoney, perInterval } from './money';
import { cancelSubscription, resumeSubscription } from './scenarios';
import { idOf, type FakeState } from './state';

// The customer portal, as its configuration allows: a list of the customer's subscriptions, a
// confirmation step before cancelling, "Renew subscription" while a cancellation is pending, and
// "Return" to the site. Like Stripe's, it stays in the portal after a change.

const formatDate = (seconds: number) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(seconds * 1000),
  );

const periodEndOf = (subscription: Stripe.Subscription) =>
  Math.max(...subscription.items.data.map((entry) => entry.current_period_end));

const portalPath = (portalId: string) => `/portal/${encodeURIComponent(portalId)}`;

const subscriptionPath = (portalId: string, subscriptionId: string, action: string) =>
  `${portalPath(portalId)}/subscriptions/${encodeURIComponent(subscriptionId)}/${action}`;

function describeSubscription(subscription: Stripe.Subscription): string {
  const item = subscription.items.data[0];
  const amount = item
    ? `${formatMoney((item.price.unit_amount ?? 0) * (item.quantity ?? 1), item.price.currency)}${perInterval(item.price)}`
    : '';
  const what = subscription.description ? `${amount}: ${subscription.description}` : amount;
  if (subscription.status === 'canceled') return `${what}. Canceled.`;
  if (subscription.cancel_at) return `${what}. Cancels on ${formatDate(subscription.cancel_at)}.`;
  const status = subscription.status === 'past_due' ? 'Payment overdue' : 'Active';
  return `${what}. ${status}, renews on ${formatDate(periodEndOf(subscription))}.`;
}

/** The portal session, its configuration's cancel feature, and one of its customer's subscriptions. */
function find(state: FakeState, portalId: string, subscriptionId?: string) {
  const portal = state.portalSessions.get(portalId);
  if (!portal) return null;
  const configuration = state.portalConfigurations.get(idOf(portal.configuration) ?? '');
  const cancel = configuration?.features.subscription_cancel ?? {
    enabled: false,
    mode: 'at_period_end',
  };
  if (subscriptionId === undefined) return { portal, cancel, subscription: null };
  const subscription = state.subscriptions.get(subscriptionId);
  if (!subscription || idOf(subscription.customer) !== portal.customer) return null;
  return { portal, cancel, subscription };
}

const notFound = () =>
  message(404, 'Subscription not found', 'There is no such subscription in this portal.');

export function showPortal(state: FakeState, portalId: string): PageAnswer {
  const found = find(state, portalId);
  if (!found) return message(404, 'Portal session not found', 'There is no such portal session.');
  const { portal, cancel } = found;
  const customer = state.customers.get(portal.customer);
  const subscriptions = [...state.subscriptions.values()].filter(
    (subscription) => idOf(subscription.customer) === portal.customer,
  );
  const actions = (subscription: Stripe.Subscription) => {
    if (subscription.status === 'canceled') return '';
    if (subscription.cancel_at_period_end) {
      return html`<form
        method="post"
        action="${subscriptionPath(portalId, subscription.id, 'renew')}"
      >
        <button type="submit" aria-describedby="${subscription.id}">Renew subscription</button>
      </form>`;
    }
    if (!cancel.enabled) return '';
    return html`<form
      method="get"
      action="${subscriptionPath(portalId, subscription.id, 'cancel')}"
    >
      <button type="submit" aria-describedby="${subscription.id}">Cancel subscription</button>
    </form>`;
  };
  const body = html`
    <h1>Your subscriptions</h1>
    ${customer?.email ? html`<p>Signed in as ${customer.email}</p>` : ''}
    ${
      subscriptions.length === 0
        ? html`<p>You have no subscriptions.</p>`
        : html`<ul>
            ${subscriptions.map(
              (subscription) =>
                html`<li>
                  <p id="${subscription.id}">${describeSubscription(subscription)}</p>
                  ${actions(subscription)}
                </li>`,
            )}
          </ul>`
    }
    ${portal.return_url ? html`<p><a href="${portal.return_url}">Return</a></p>` : ''}
  `;
  return { status: 200, html: page('Your subscriptions – Fake Stripe customer portal', body) };
}

/** The step before cancelling, saying when the subscription will end. */
export function confirmCancellation(
  state: FakeState,
  portalId: string,
  subscriptionId: string,
): PageAnswer {
  const found = find(state, portalId, subscriptionId);
  if (!found?.subscription) return notFound();
  const { cancel, subscription } = found;
  if (!cancel.enabled || subscription.status === 'canceled' || subscription.cancel_at_period_end) {
    return { status: 303, location: portalPath(portalId) };
  }
  const when =
    cancel.mode === 'immediately'
      ? 'Your subscription will end now.'
      : `Your subscription stays active until the end of the period you have paid for, then ends on ${formatDate(periodEndOf(subscription))}.`;
  const body = html`
    <h1>Cancel your subscription</h1>
    <p>${describeSubscription(subscription)}</p>
    <p>${when} You will not be charged again.</p>
    <form method="post" action="${subscriptionPath(portalId, subscriptionId, 'cancel')}">
      <button type="submit">Confirm cancellation</button>
    </form>
    <p><a href="${portalPath(portalId)}">Go back</a></p>
  `;
  return {
    status: 200,
    html: page('Cancel your subscription – Fake Stripe customer portal', body),
  };
}

/** Cancels as the configuration says (at the period's end by default) and shows the portal again. */
export function cancelFromPortal(
  context: HostedContext,
  portalId: string,
  subscriptionId: string,
): PageAnswer {
  const found = find(context.state, portalId, subscriptionId);
  if (!found?.subscription) return notFound();
  const { cancel, subscription } = found;
  if (!cancel.enabled) {
    return message(403, 'Cancelling is not available', 'This portal does not offer cancellation.');
  }
  if (subscription.status !== 'canceled' && !subscription.cancel_at_period_end) {
    context.send(
      cancelSubscription(context.state, subscriptionId, {
        atPeriodEnd: cancel.mode !== 'immediately',
      }),
    );
  }
  return { status: 303, location: portalPath(portalId) };
}

/** Takes back a cancellation at the period's end, as the portal's "Renew" does. */
export function renewFromPortal(
  context: HostedContext,
  portalId: string,
  subscriptionId: string,
): PageAnswer {
  const found = find(context.state, portalId, subscriptionId);
  if (!found?.subscription) return notFound();
  if (found.subscription.status !== 'canceled') {
    context.send(resumeSubscription(context.state, subscriptionId));
  }
  return { status: 303, location: portalPath(portalId) };
}
