import type Stripe from 'stripe';
import { StripeApiError } from './errors';
import { html, page, type SafeHtml } from './html';
import { describeInterval, formatMoney } from './money';
import { cancelSubscription, completeCheckout } from './scenarios';
import { idOf, type FakeState } from './state';

// Stand-ins for Stripe's hosted Checkout page and customer portal: plain HTML forms a browser
// test can fill in, which change the fake's records and send the resulting webhooks before
// sending the visitor back, so the site has heard of the payment by the time they arrive.

export interface HostedContext {
  state: FakeState;
  /** Sends events to the webhook endpoint in order, waiting for each answer. */
  deliver(events: Stripe.Event[]): Promise<number[]>;
}

export interface PageAnswer {
  status: number;
  html?: string;
  location?: string;
}

export async function handleHostedPage(
  context: HostedContext,
  method: string,
  path: string,
  form: URLSearchParams,
): Promise<PageAnswer | null> {
  const pay = /^\/pay\/([^/]+)$/.exec(path);
  if (pay) {
    const id = decodeURIComponent(pay[1]!);
    return method === 'POST' ? submitPayment(context, id, form) : showCheckout(context.state, id);
  }
  const portal = /^\/portal\/([^/]+)$/.exec(path);
  if (portal && method !== 'POST') return showPortal(context.state, decodeURIComponent(portal[1]!));
  const cancel = /^\/portal\/([^/]+)\/subscriptions\/([^/]+)\/cancel$/.exec(path);
  if (cancel && method === 'POST') {
    return cancelFromPortal(
      context,
      decodeURIComponent(cancel[1]!),
      decodeURIComponent(cancel[2]!),
    );
  }
  return null;
}

function message(status: number, title: string, text: string): PageAnswer {
  return {
    status,
    html: page(
      title,
      html`<h1>${title}</h1>
        <p>${text}</p>`,
    ),
  };
}

function perInterval(price: Stripe.Price | null | undefined): string {
  const recurring = price?.recurring;
  if (!recurring) return '';
  return recurring.interval_count === 1
    ? ` per ${recurring.interval}`
    : ` every ${describeInterval(recurring.interval, recurring.interval_count)}`;
}

function showCheckout(state: FakeState, id: string): PageAnswer {
  const session = state.sessions.get(id);
  if (!session)
    return message(404, 'Checkout page not found', 'There is no such Checkout Session.');
  if (session.status !== 'open') {
    return message(
      410,
      'This Checkout page is no longer available',
      session.status === 'complete'
        ? 'This payment has already been made.'
        : 'This Checkout Session has expired.',
    );
  }
  const plan = state.checkoutPlans.get(id);
  const lines = plan?.lineItems ?? [];
  const currency = session.currency ?? 'gbp';
  const total = formatMoney(session.amount_total ?? 0, currency);
  const recurring = lines.find((line) => line.price?.recurring)?.price ?? null;
  const email = session.customer_email ?? customerEmail(state, session);
  const emailField: SafeHtml = email
    ? html`<p>E-mail: <strong>${email}</strong></p>`
    : html`<div class="field">
        <label for="email">E-mail</label>
        <input id="email" name="email" type="email" autocomplete="email" required />
      </div>`;
  const heading = session.mode === 'subscription' ? 'Subscribe' : 'Pay';
  const body = html`
    <h1>${heading}: ${total}${perInterval(recurring)}</h1>
    <section aria-labelledby="summary">
      <h2 id="summary">Summary</h2>
      <ul>
        ${lines.map(
          (line) =>
            html`<li>
              ${line.description ?? 'Item'}${(line.quantity ?? 1) > 1 ? ` × ${line.quantity}` : ''}:
              ${formatMoney(line.amount_total, line.currency)}${perInterval(line.price)}
            </li>`,
        )}
      </ul>
      <p>Total due today: <strong>${total}</strong></p>
    </section>
    <form method="post" action="/pay/${encodeURIComponent(id)}">
      ${emailField}
      <div class="field">
        <input id="delayed" name="delayed" type="checkbox" value="1" />
        <label for="delayed">Pay later (bank transfer)</label>
      </div>
      <button type="submit">Pay</button>
    </form>
    ${session.cancel_url ? html`<p><a href="${session.cancel_url}">Back</a></p>` : ''}
  `;
  return { status: 200, html: page(`${heading} ${total} – Fake Stripe Checkout`, body) };
}

function customerEmail(state: FakeState, session: Stripe.Checkout.Session): string | null {
  const id = idOf(session.customer);
  return id ? (state.customers.get(id)?.email ?? null) : null;
}

async function submitPayment(
  context: HostedContext,
  id: string,
  form: URLSearchParams,
): Promise<PageAnswer> {
  const session = context.state.sessions.get(id);
  if (!session)
    return message(404, 'Checkout page not found', 'There is no such Checkout Session.');
  if (session.status !== 'open') {
    return message(409, 'This Checkout page is no longer available', 'Nothing was charged.');
  }
  const email = form.get('email')?.trim() || undefined;
  let events: Stripe.Event[];
  try {
    events = completeCheckout(context.state, id, { delayedPayment: form.has('delayed'), email });
  } catch (error) {
    if (error instanceof StripeApiError) return message(400, 'Payment failed', error.message);
    throw error;
  }
  await context.deliver(events);
  return {
    status: 303,
    location: (session.success_url ?? '/').replaceAll('{CHECKOUT_SESSION_ID}', id),
  };
}

const formatDate = (seconds: number) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(seconds * 1000),
  );

function describeSubscription(subscription: Stripe.Subscription): string {
  const item = subscription.items.data[0];
  const amount = item
    ? `${formatMoney((item.price.unit_amount ?? 0) * (item.quantity ?? 1), item.price.currency)}${perInterval(item.price)}`
    : '';
  const what = subscription.description ? `${amount}: ${subscription.description}` : amount;
  const end = Math.max(...subscription.items.data.map((entry) => entry.current_period_end));
  if (subscription.status === 'canceled') return `${what}. Canceled.`;
  if (subscription.cancel_at) return `${what}. Cancels on ${formatDate(subscription.cancel_at)}.`;
  const status = subscription.status === 'past_due' ? 'Payment overdue' : 'Active';
  return `${what}. ${status}, renews on ${formatDate(end)}.`;
}

function showPortal(state: FakeState, id: string): PageAnswer {
  const portal = state.portalSessions.get(id);
  if (!portal) return message(404, 'Portal session not found', 'There is no such portal session.');
  const customer = state.customers.get(portal.customer);
  const subscriptions = [...state.subscriptions.values()].filter(
    (subscription) => idOf(subscription.customer) === portal.customer,
  );
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
                  ${
                    subscription.status === 'canceled'
                      ? ''
                      : html`<form
                          method="post"
                          action="/portal/${encodeURIComponent(id)}/subscriptions/${encodeURIComponent(subscription.id)}/cancel"
                        >
                          <button type="submit" aria-describedby="${subscription.id}">
                            Cancel subscription
                          </button>
                        </form>`
                  }
                </li>`,
            )}
          </ul>`
    }
    ${portal.return_url ? html`<p><a href="${portal.return_url}">Return</a></p>` : ''}
  `;
  return { status: 200, html: page('Your subscriptions – Fake Stripe customer portal', body) };
}

async function cancelFromPortal(
  context: HostedContext,
  portalId: string,
  subscriptionId: string,
): Promise<PageAnswer> {
  const portal = context.state.portalSessions.get(portalId);
  const subscription = context.state.subscriptions.get(subscriptionId);
  if (!portal || !subscription || idOf(subscription.customer) !== portal.customer) {
    return message(404, 'Subscription not found', 'There is no such subscription here.');
  }
  if (subscription.status !== 'canceled') {
    await context.deliver(cancelSubscription(context.state, subscriptionId));
  }
  return { status: 303, location: portal.return_url ?? `/portal/${encodeURIComponent(portalId)}` };
}
