import type Stripe from 'stripe';
import { message, type HostedContext, type PageAnswer } from './hosted-pages';
import { html, page } from './html';
import { formatMoney, perInterval } from './money';
import { cancelSubscription, resumeSubscription } from './scenarios';
import { idOf, type FakeState } from './state';
import {
  changeSubscriptionPrice,
  planPriceChange,
  type PriceChange,
  type PriceChangePlan,
} from './subscription-changes';
import type { ProrationBehavior } from './validation';

// The customer portal, as its configuration allows: a list of the customer's subscriptions, a
// confirmation step before cancelling, "Renew subscription" while a cancellation is pending,
// "Update subscription" to move to another configured price (choose, then confirm), the invoice
// history, and "Return" to the site. Like Stripe's, it stays in the portal after a change.

type Features = Stripe.BillingPortal.Configuration.Features;

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
  if (subscription.status === 'trialing' && subscription.trial_end !== null) {
    return `${what}. Free trial, ends on ${formatDate(subscription.trial_end)}.`;
  }
  const status =
    subscription.status === 'past_due'
      ? 'Payment overdue'
      : subscription.status === 'unpaid'
        ? 'Unpaid'
        : 'Active';
  return `${what}. ${status}, renews on ${formatDate(periodEndOf(subscription))}.`;
}

/** The portal session, its configuration, and one of its customer's subscriptions. */
function find(state: FakeState, portalId: string, subscriptionId?: string) {
  const portal = state.portalSessions.get(portalId);
  const configuration = state.portalConfigurations.get(idOf(portal?.configuration) ?? '');
  if (!portal || !configuration) return null;
  const { features } = configuration;
  const cancel = features.subscription_cancel;
  if (subscriptionId === undefined) {
    return { portal, configuration, features, cancel, subscription: null };
  }
  const subscription = state.subscriptions.get(subscriptionId);
  if (!subscription || idOf(subscription.customer) !== portal.customer) return null;
  return { portal, configuration, features, cancel, subscription };
}

/**
 * Whether the portal offers another price for this subscription: Stripe's portal updates running
 * subscriptions of one item that are not set to end.
 */
const updatable = (features: Features, subscription: Stripe.Subscription) =>
  features.subscription_update.enabled &&
  (subscription.status === 'active' || subscription.status === 'trialing') &&
  !subscription.cancel_at_period_end &&
  subscription.items.data.length === 1;

/** The configured prices a subscription may move to: active, in its currency, product by product. */
function offeredPrices(state: FakeState, features: Features, subscription: Stripe.Subscription) {
  return (features.subscription_update.products ?? []).flatMap((entry) => {
    const product = state.products.get(entry.product);
    return entry.prices
      .map((id) => state.prices.get(id))
      .filter(
        (price): price is Stripe.Price =>
          price !== undefined && price.active && price.currency === subscription.currency,
      )
      .map((price) => ({ price, label: priceLabel(product?.name ?? entry.product, price) }));
  });
}

const priceLabel = (productName: string, price: Stripe.Price) =>
  `${productName}: ${formatMoney(price.unit_amount ?? 0, price.currency)}${perInterval(price)}`;

const notFound = () =>
  message(404, 'Subscription not found', 'There is no such subscription in this portal.');

export function showPortal(state: FakeState, portalId: string): PageAnswer {
  const found = find(state, portalId);
  if (!found) return message(404, 'Portal session not found', 'There is no such portal session.');
  const { portal, configuration, features, cancel } = found;
  const customer = state.customers.get(portal.customer);
  const subscriptions = [...state.subscriptions.values()].filter(
    (subscription) => idOf(subscription.customer) === portal.customer,
  );
  const actions = (subscription: Stripe.Subscription) => [
    updatable(features, subscription)
      ? html`<form method="get" action="${subscriptionPath(portalId, subscription.id, 'update')}">
          <button type="submit" aria-describedby="${subscription.id}">Update subscription</button>
        </form>`
      : '',
    cancelAction(subscription),
  ];
  const cancelAction = (subscription: Stripe.Subscription) => {
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
  const {
    headline,
    privacy_policy_url: privacy,
    terms_of_service_url: terms,
  } = configuration.business_profile;
  const body = html`
    <h1>Your subscriptions</h1>
    ${headline ? html`<p>${headline}</p>` : ''}
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
    ${
      features.payment_method_update.enabled
        ? html`<h2>Payment method</h2>
            <p>You can update the card your subscriptions are paid with.</p>`
        : ''
    }
    ${features.invoice_history.enabled ? invoiceHistory(state, portal.customer) : ''}
    ${privacy ? html`<p><a href="${privacy}">Privacy policy</a></p>` : ''}
    ${terms ? html`<p><a href="${terms}">Terms of service</a></p>` : ''}
    ${portal.return_url ? html`<p><a href="${portal.return_url}">Return</a></p>` : ''}
  `;
  return { status: 200, html: page('Your subscriptions – Fake Stripe customer portal', body) };
}

const invoiceStatus: Record<string, string> = {
  draft: 'Draft',
  open: 'Due',
  paid: 'Paid',
  uncollectible: 'Uncollectible',
  void: 'Void',
};

function invoiceHistory(state: FakeState, customerId: string) {
  const invoices = [...state.invoices.values()]
    .filter((invoice) => invoice.customer === customerId && invoice.status !== 'draft')
    .reverse();
  return html`<h2>Invoice history</h2>
    ${
      invoices.length === 0
        ? html`<p>No invoices yet.</p>`
        : html`<ul>
            ${invoices.map(
              (invoice) =>
                html`<li>
                  ${invoice.number ?? invoice.id}, ${formatDate(invoice.created)}:
                  ${formatMoney(invoice.total, invoice.currency)}
                  (${invoiceStatus[invoice.status ?? ''] ?? invoice.status})
                </li>`,
            )}
          </ul>`
    }`;
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

const updatePath = (portalId: string, subscriptionId: string, priceId?: string) =>
  `${subscriptionPath(portalId, subscriptionId, 'update')}${priceId === undefined ? '' : `/${encodeURIComponent(priceId)}`}`;

/** A subscription the portal may update, with the prices it offers; null when it may not. */
function findUpdatable(state: FakeState, portalId: string, subscriptionId: string) {
  const found = find(state, portalId, subscriptionId);
  if (!found?.subscription) return null;
  const { features, subscription } = found;
  if (!updatable(features, subscription)) return { ...found, subscription, offered: null };
  return { ...found, subscription, offered: offeredPrices(state, features, subscription) };
}

/** The first step of an update: every configured price, the current one marked. */
export function chooseNewPrice(
  state: FakeState,
  portalId: string,
  subscriptionId: string,
): PageAnswer {
  const found = findUpdatable(state, portalId, subscriptionId);
  if (!found) return notFound();
  if (!found.offered) return { status: 303, location: portalPath(portalId) };
  const current = found.subscription.items.data[0]!.price.id;
  const body = html`
    <h1>Update your subscription</h1>
    <p>${describeSubscription(found.subscription)}</p>
    <ul>
      ${found.offered.map(
        ({ price, label }) =>
          html`<li>
            <span id="${price.id}">${label}</span>
            ${
              price.id === current
                ? html`<strong>(Current price)</strong>`
                : html`<form
                    method="get"
                    action="${updatePath(portalId, subscriptionId, price.id)}"
                  >
                    <button type="submit" aria-describedby="${price.id}">Select</button>
                  </form>`
            }
          </li>`,
      )}
    </ul>
    <p><a href="${portalPath(portalId)}">Go back</a></p>
  `;
  return {
    status: 200,
    html: page('Update your subscription – Fake Stripe customer portal', body),
  };
}

/** The change the portal would make to move the subscription to this offered price. */
function portalChange(
  found: NonNullable<ReturnType<typeof findUpdatable>>,
  priceId: string,
): PriceChange | null {
  const offered = found.offered?.find(({ price }) => price.id === priceId);
  const item = found.subscription.items.data[0]!;
  if (!offered || item.price.id === priceId) return null;
  const update = found.features.subscription_update;
  return {
    subscriptionId: found.subscription.id,
    itemId: item.id,
    price: offered.price,
    prorationBehavior: update.proration_behavior as ProrationBehavior,
    endTrial: update.trial_update_behavior !== 'continue_trial',
  };
}

/** What confirming will charge or credit, and when, in the words of the portal. */
function describePlan(state: FakeState, plan: PriceChangePlan): string {
  const { subscription, item } = plan;
  const money = (amount: number) => formatMoney(amount, subscription.currency);
  const renews = formatDate(item.current_period_end);
  if (subscription.status === 'trialing' && !plan.endsTrial) {
    return `Your trial continues; the new price applies when it ends on ${renews}.`;
  }
  if (plan.invoiceNow) {
    const balance = state.customers.get(idOf(subscription.customer) ?? '')?.balance ?? 0;
    const due = plan.dueNow + balance;
    const now =
      due > 0
        ? `You will be charged ${money(due)} now.`
        : plan.dueNow < 0
          ? `${money(-plan.dueNow)} will be credited to your account and used for future payments.`
          : 'Nothing is charged now.';
    const trial = plan.endsTrial ? 'Your trial ends now. ' : '';
    return plan.restart ? `${trial}${now} Your new billing period starts today.` : now;
  }
  const difference = plan.lines.reduce((sum, line) => sum + line.amount, 0);
  if (difference > 0) {
    return `${money(difference)} for the rest of this period will be added to your next invoice, on ${renews}.`;
  }
  if (difference < 0) {
    return `${money(-difference)} for the unused time will be taken off your next invoice, on ${renews}.`;
  }
  return `Nothing is charged now; the new price applies from your next renewal on ${renews}.`;
}

/** The second step: what changes, and what it costs now. */
export function confirmNewPrice(
  state: FakeState,
  portalId: string,
  subscriptionId: string,
  priceId: string,
): PageAnswer {
  const found = findUpdatable(state, portalId, subscriptionId);
  if (!found) return notFound();
  const change = portalChange(found, priceId);
  if (!change) return { status: 303, location: updatePath(portalId, subscriptionId) };
  const current = found.subscription.items.data[0]!.price;
  const currentLabel = found.offered?.find(({ price }) => price.id === current.id)?.label;
  const label = found.offered!.find(({ price }) => price.id === priceId)!.label;
  const body = html`
    <h1>Confirm your new subscription</h1>
    <p>Current: ${currentLabel ?? describeSubscription(found.subscription)}</p>
    <p>New: ${label}</p>
    <p>${describePlan(state, planPriceChange(state, change))}</p>
    <form method="post" action="${updatePath(portalId, subscriptionId, priceId)}">
      <button type="submit">Confirm</button>
    </form>
    <p><a href="${updatePath(portalId, subscriptionId)}">Go back</a></p>
  `;
  return {
    status: 200,
    html: page('Confirm your new subscription – Fake Stripe customer portal', body),
  };
}

/** Moves the subscription to the chosen price, billed as configured, and shows the portal again. */
export function changePriceFromPortal(
  context: HostedContext,
  portalId: string,
  subscriptionId: string,
  priceId: string,
): PageAnswer {
  const found = findUpdatable(context.state, portalId, subscriptionId);
  if (!found) return notFound();
  if (!found.offered) {
    return message(403, 'Updating is not available', 'This portal does not offer this change.');
  }
  const change = portalChange(found, priceId);
  if (change) context.send(changeSubscriptionPrice(context.state, change));
  return { status: 303, location: portalPath(portalId) };
}
