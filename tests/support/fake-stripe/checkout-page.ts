import type Stripe from 'stripe';
import { StripeApiError } from './errors';
import { message, type HostedContext, type PageAnswer } from './hosted-pages';
import { html, page, type SafeHtml } from './html';
import { formatMoney, perInterval } from './money';
import { completeCheckout } from './scenarios';
import { idOf, type FakeState } from './state';

// The hosted Checkout page: a summary, an e-mail field when the session has no address, "Pay",
// "Pay later (bank transfer)" and "Back" to the cancel URL.

export function showCheckout(state: FakeState, id: string): PageAnswer {
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
  const trialDays = plan?.input.subscriptionData?.trialPeriodDays ?? null;
  const recurringTotal = formatMoney(
    lines.filter((line) => line.price?.recurring).reduce((sum, line) => sum + line.amount_total, 0),
    currency,
  );
  // With a trial, nothing recurring is due today: the heading says what comes after it.
  const offer =
    trialDays === null
      ? `${total}${perInterval(recurring)}`
      : `${trialDays} days free, then ${recurringTotal}${perInterval(recurring)}`;
  const body = html`
    <h1>${heading}: ${offer}</h1>
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
  return { status: 200, html: page(`${heading} ${offer} – Fake Stripe Checkout`, body) };
}

function customerEmail(state: FakeState, session: Stripe.Checkout.Session): string | null {
  const id = idOf(session.customer);
  return id ? (state.customers.get(id)?.email ?? null) : null;
}

/** Completes the session, queues its webhooks and sends the donor to the success URL at once. */
export function submitPayment(
  context: HostedContext,
  id: string,
  form: URLSearchParams,
): PageAnswer {
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
  context.send(events);
  return {
    status: 303,
    location: (session.success_url ?? '/').replaceAll('{CHECKOUT_SESSION_ID}', id),
  };
}
