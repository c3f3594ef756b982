import type Stripe from 'stripe';
import { invalidRequest, noSuch, unrecognizedUrl } from './errors';
import type { EventRequest } from './events';
import { render } from './expand';
import type { Params } from './form-body';
import { newId } from './ids';
import {
  applyChanges,
  validateCustomerCreate,
  validateCustomerList,
  validateCustomerUpdate,
  validatePriceCreate,
  validatePriceList,
  validatePriceUpdate,
  validateProductCreate,
  validateProductList,
  validateProductUpdate,
} from './catalogue';
import {
  buildCustomer,
  buildLineItem,
  buildPortalSession,
  buildPrice,
  buildProduct,
  buildSession,
  list,
} from './objects';
import { changedMetadata, type ListParams } from './params';
import {
  applyConfigurationInput,
  buildPortalConfiguration,
  validateConfigurationCreate,
  validateConfigurationList,
  validateConfigurationUpdate,
} from './portal-configurations';
import { cancelSubscription, expireCheckout, resumeSubscription } from './scenarios';
import { after, idOf, nowSeconds, type FakeState } from './state';
import { changeSubscriptionPrice, checkNewPrice } from './subscription-changes';
import {
  validateCheckoutSession,
  validateInvoicePaymentList,
  validatePlainList,
  validatePortalSession,
  validateRetrieve,
  validateSessionList,
  validateSubscriptionCancel,
  validateSubscriptionList,
  validateSubscriptionUpdate,
  type SubscriptionUpdateInput,
} from './validation';

export interface ApiCall {
  state: FakeState;
  method: string;
  path: string;
  params: Params;
  request: EventRequest;
}

export interface ApiAnswer {
  body: unknown;
  /** Events this request caused, for the server to send to the webhook endpoint. */
  events: Stripe.Event[];
}

type Handler = (call: ApiCall, id: string) => ApiAnswer;

const routes: Array<{ method: string; pattern: RegExp; handler: Handler }> = [
  { method: 'POST', pattern: /^\/v1\/checkout\/sessions$/, handler: createCheckoutSession },
  { method: 'GET', pattern: /^\/v1\/checkout\/sessions$/, handler: listCheckoutSessions },
  { method: 'GET', pattern: /^\/v1\/checkout\/sessions\/([^/]+)$/, handler: retrieveSession },
  {
    method: 'GET',
    pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/line_items$/,
    handler: listSessionLineItems,
  },
  {
    method: 'POST',
    pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/,
    handler: expireSession,
  },
  { method: 'GET', pattern: /^\/v1\/subscriptions$/, handler: listSubscriptions },
  { method: 'GET', pattern: /^\/v1\/subscriptions\/([^/]+)$/, handler: retrieveSubscription },
  { method: 'POST', pattern: /^\/v1\/subscriptions\/([^/]+)$/, handler: updateSubscription },
  { method: 'DELETE', pattern: /^\/v1\/subscriptions\/([^/]+)$/, handler: deleteSubscription },
  { method: 'GET', pattern: /^\/v1\/invoice_payments$/, handler: listInvoicePayments },
  {
    method: 'GET',
    pattern: /^\/v1\/invoice_payments\/([^/]+)$/,
    handler: retrieve((state, id) => found(state.invoicePayments.get(id), 'invoice_payment', id)),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/payment_intents\/([^/]+)$/,
    handler: retrieve((state, id) => state.paymentIntent(id)),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/charges\/([^/]+)$/,
    handler: retrieve((state, id) => state.charge(id)),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/invoices\/([^/]+)$/,
    handler: retrieve((state, id) => state.invoice(id)),
  },
  { method: 'POST', pattern: /^\/v1\/customers$/, handler: createCustomer },
  { method: 'GET', pattern: /^\/v1\/customers$/, handler: listCustomers },
  {
    method: 'GET',
    pattern: /^\/v1\/customers\/([^/]+)$/,
    handler: retrieve((state, id) => state.customer(id)),
  },
  { method: 'POST', pattern: /^\/v1\/customers\/([^/]+)$/, handler: updateCustomer },
  { method: 'POST', pattern: /^\/v1\/prices$/, handler: createPrice },
  { method: 'GET', pattern: /^\/v1\/prices$/, handler: listPrices },
  {
    method: 'GET',
    pattern: /^\/v1\/prices\/([^/]+)$/,
    handler: retrieve((state, id) => state.price(id)),
  },
  { method: 'POST', pattern: /^\/v1\/prices\/([^/]+)$/, handler: updatePrice },
  { method: 'POST', pattern: /^\/v1\/products$/, handler: createProduct },
  { method: 'GET', pattern: /^\/v1\/products$/, handler: listProducts },
  {
    method: 'GET',
    pattern: /^\/v1\/products\/([^/]+)$/,
    handler: retrieve((state, id) => state.product(id)),
  },
  { method: 'POST', pattern: /^\/v1\/products\/([^/]+)$/, handler: updateProduct },
  {
    method: 'GET',
    pattern: /^\/v1\/disputes\/([^/]+)$/,
    handler: retrieve((state, id) => found(state.disputes.get(id), 'dispute', id)),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/refunds\/([^/]+)$/,
    handler: retrieve((state, id) => found(state.refunds.get(id), 'refund', id)),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/events\/([^/]+)$/,
    handler: retrieve((state, id) =>
      found(
        state.events.find((event) => event.id === id),
        'event',
        id,
      ),
    ),
  },
  { method: 'POST', pattern: /^\/v1\/billing_portal\/sessions$/, handler: createPortalSession },
  {
    method: 'POST',
    pattern: /^\/v1\/billing_portal\/configurations$/,
    handler: createPortalConfiguration,
  },
  {
    method: 'GET',
    pattern: /^\/v1\/billing_portal\/configurations$/,
    handler: listPortalConfigurations,
  },
  {
    method: 'GET',
    pattern: /^\/v1\/billing_portal\/configurations\/([^/]+)$/,
    handler: retrieve((state, id) => state.portalConfiguration(id)),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/billing_portal\/configurations\/([^/]+)$/,
    handler: updatePortalConfiguration,
  },
];

/** Answers one API request, or throws a StripeApiError with the error Stripe would give. */
export function handleApi(call: ApiCall): ApiAnswer {
  for (const route of routes) {
    const match = route.pattern.exec(call.path);
    if (match && route.method === call.method) {
      return route.handler(call, decodeURIComponent(match[1] ?? ''));
    }
  }
  throw unrecognizedUrl(call.method, call.path);
}

function found<T>(
  value: T | undefined,
  kind: string,
  id: string,
  status: 404 | 400 = 404,
  param = 'id',
): T {
  if (value === undefined) throw noSuch(kind, id, param, status);
  return value;
}

function retrieve(lookup: (state: FakeState, id: string) => object): Handler {
  return ({ state, params }, id) => {
    const { expand } = validateRetrieve(params);
    return { body: render(state, lookup(state, id), expand), events: [] };
  };
}

function createCheckoutSession({ state, params }: ApiCall): ApiAnswer {
  const now = nowSeconds();
  const input = validateCheckoutSession(params, state.lookups(), now);
  const lineItems = input.lineItems.map((item) => {
    let price: Stripe.Price;
    if ('existing' in item.price) {
      price = item.price.existing;
    } else {
      const spec = item.price.create;
      let productId: string;
      if ('id' in spec.product) {
        productId = spec.product.id;
      } else {
        // Products made from inline product_data are not offered in the catalogue.
        const product = buildProduct({ ...spec.product, active: false }, now);
        state.products.set(product.id, product);
        productId = product.id;
      }
      price = buildPrice(spec, productId, now);
      state.prices.set(price.id, price);
    }
    return buildLineItem(price, item.quantity, item.amount, item.description);
  });
  // Nothing recurring is charged before a trial ends, so the amount due today leaves it out.
  const trial = (input.subscriptionData?.trialPeriodDays ?? null) !== null;
  const amountTotal =
    input.mode === 'setup'
      ? null
      : lineItems.reduce(
          (sum, line) => sum + (trial && line.price?.recurring ? 0 : line.amount_total),
          0,
        );
  const session = buildSession({
    id: newId('cs_test_'),
    input,
    amountTotal,
    baseUrl: state.baseUrl,
    now,
  });
  state.sessions.set(session.id, session);
  state.checkoutPlans.set(session.id, { input, lineItems });
  return { body: render(state, session, input.expand), events: [] };
}

function retrieveSession({ state, params }: ApiCall, id: string): ApiAnswer {
  const { expand } = validateRetrieve(params);
  return { body: render(state, state.session(id), expand), events: [] };
}

function listSessionLineItems({ state, params }: ApiCall, id: string): ApiAnswer {
  state.session(id);
  const items = state.checkoutPlans.get(id)?.lineItems ?? [];
  const options = validatePlainList(params);
  const page = paginate(items, options, `/v1/checkout/sessions/${id}/line_items`);
  return { body: render(state, page, options.expand), events: [] };
}

function expireSession({ state, params, request }: ApiCall, id: string): ApiAnswer {
  const { expand } = validateRetrieve(params);
  const events = expireCheckout(state, id, request);
  return { body: render(state, state.session(id), expand), events };
}

function listCheckoutSessions({ state, params }: ApiCall): ApiAnswer {
  const filter = validateSessionList(params);
  const sessions = newestFirst([...state.sessions.values()]).filter(
    (session) =>
      (filter.customer === undefined || idOf(session.customer) === filter.customer) &&
      (filter.paymentIntent === undefined ||
        idOf(session.payment_intent) === filter.paymentIntent) &&
      (filter.subscription === undefined || idOf(session.subscription) === filter.subscription) &&
      (filter.status === undefined || session.status === filter.status),
  );
  const page = paginate(sessions, filter, '/v1/checkout/sessions');
  return { body: render(state, page, filter.expand), events: [] };
}

function listSubscriptions({ state, params }: ApiCall): ApiAnswer {
  const filter = validateSubscriptionList(params);
  const subscriptions = newestFirst([...state.subscriptions.values()]).filter(
    (subscription) =>
      (filter.customer === undefined || idOf(subscription.customer) === filter.customer) &&
      (filter.status === 'all' ||
        (filter.status === 'ended'
          ? subscription.status === 'canceled' || subscription.status === 'incomplete_expired'
          : filter.status === undefined
            ? subscription.status !== 'canceled'
            : subscription.status === filter.status)),
  );
  const page = paginate(subscriptions, filter, '/v1/subscriptions');
  return { body: render(state, page, filter.expand), events: [] };
}

function retrieveSubscription({ state, params }: ApiCall, id: string): ApiAnswer {
  const { expand } = validateRetrieve(params);
  return { body: render(state, state.subscription(id), expand), events: [] };
}

function updateSubscription({ state, params, request }: ApiCall, id: string): ApiAnswer {
  const subscription = state.subscription(id);
  const input = validateSubscriptionUpdate(params);
  if (
    subscription.status === 'canceled' &&
    (input.cancelAtPeriodEnd !== undefined || input.itemPrice !== undefined)
  ) {
    throw invalidRequest(
      'A canceled subscription can only update its cancellation_details and metadata.',
    );
  }
  const change = input.itemPrice && newItemPrice(state, subscription, input.itemPrice);
  const events: Stripe.Event[] = [];
  if (change) {
    events.push(
      ...changeSubscriptionPrice(
        state,
        {
          subscriptionId: id,
          itemId: change.itemId,
          price: change.price,
          // Stripe's default for API updates; the API never ends a trial by changing a price.
          prorationBehavior: input.prorationBehavior ?? 'create_prorations',
          endTrial: false,
        },
        request,
      ),
    );
  }
  if (input.cancelAtPeriodEnd === true && !subscription.cancel_at_period_end) {
    events.push(
      ...cancelSubscription(state, id, { atPeriodEnd: true, comment: input.comment }, request),
    );
  } else if (input.cancelAtPeriodEnd === false) {
    events.push(...resumeSubscription(state, id, request));
  }

  const previous: Partial<Stripe.Subscription> = {};
  if (input.metadata !== undefined) {
    const metadata = changedMetadata(subscription.metadata, input.metadata);
    if (JSON.stringify(metadata) !== JSON.stringify(subscription.metadata)) {
      previous.metadata = subscription.metadata;
      subscription.metadata = metadata;
    }
  }
  if (input.description !== undefined && input.description !== subscription.description) {
    previous.description = subscription.description;
    subscription.description = input.description;
  }
  if (
    input.comment !== undefined &&
    input.cancelAtPeriodEnd !== true &&
    subscription.cancellation_details &&
    input.comment !== subscription.cancellation_details.comment
  ) {
    previous.cancellation_details = { ...subscription.cancellation_details };
    subscription.cancellation_details = {
      ...subscription.cancellation_details,
      comment: input.comment,
    };
  }
  if (Object.keys(previous).length > 0) {
    events.push(
      state.emit('customer.subscription.updated', subscription, {
        created: after(subscription.canceled_at, subscription.items.data[0]?.current_period_start),
        previous,
        request,
      }),
    );
  }
  return { body: render(state, subscription, input.expand), events };
}

/** The item and price `items[n]` names, checked as Stripe checks a new price for an item. */
function newItemPrice(
  state: FakeState,
  subscription: Stripe.Subscription,
  requested: NonNullable<SubscriptionUpdateInput['itemPrice']>,
): { itemId: string; price: Stripe.Price } {
  const { itemId, priceId, param } = requested;
  if (!subscription.items.data.some((item) => item.id === itemId)) {
    throw noSuch('subscription_item', itemId, `${param}[id]`, 400);
  }
  const price = found(state.prices.get(priceId), 'price', priceId, 400, `${param}[price]`);
  checkNewPrice(subscription, itemId, price, `${param}[price]`);
  return { itemId, price };
}

function deleteSubscription({ state, params, request }: ApiCall, id: string): ApiAnswer {
  const { expand } = validateSubscriptionCancel(params);
  const events = cancelSubscription(state, id, {}, request);
  return { body: render(state, state.subscription(id), expand), events };
}

function createProduct({ state, params, request }: ApiCall): ApiAnswer {
  const input = validateProductCreate(params);
  const now = nowSeconds();
  const product = buildProduct(input.spec, now);
  state.products.set(product.id, product);
  const event = state.emit('product.created', product, { created: now, request });
  return { body: render(state, product, input.expand), events: [event] };
}

function updateProduct({ state, params, request }: ApiCall, id: string): ApiAnswer {
  const product = state.product(id);
  const input = validateProductUpdate(params);
  const now = after(product.updated);
  const previous = applyChanges(product, input.fields, input.metadata);
  const events: Stripe.Event[] = [];
  if (Object.keys(previous).length > 0) {
    previous.updated = product.updated;
    product.updated = now;
    events.push(state.emit('product.updated', product, { created: now, previous, request }));
  }
  return { body: render(state, product, input.expand), events };
}

function listProducts({ state, params }: ApiCall): ApiAnswer {
  const filter = validateProductList(params);
  const products = newestFirst([...state.products.values()]).filter(
    (product) =>
      (filter.active === undefined || product.active === filter.active) &&
      (filter.ids === undefined || filter.ids.includes(product.id)) &&
      (filter.type === undefined || product.type === filter.type),
  );
  const page = paginate(products, filter, '/v1/products');
  return { body: render(state, page, filter.expand), events: [] };
}

function createPrice({ state, params, request }: ApiCall): ApiAnswer {
  const input = validatePriceCreate(params, state.lookups());
  const now = nowSeconds();
  const holder = lookupKeyHolder(state, input.details.lookupKey, input.transferLookupKey);
  const price = buildPrice(input.spec, input.productId, now, input.details);
  state.prices.set(price.id, price);
  const events = [state.emit('price.created', price, { created: now, request })];
  if (holder) events.push(releaseLookupKey(state, holder, now, request));
  return { body: render(state, price, input.expand), events };
}

function updatePrice({ state, params, request }: ApiCall, id: string): ApiAnswer {
  const price = state.price(id);
  const input = validatePriceUpdate(params);
  const now = after(price.created);
  const key = input.fields.lookup_key;
  const holder =
    key === undefined || key === price.lookup_key
      ? undefined
      : lookupKeyHolder(state, key, input.transferLookupKey);
  const events: Stripe.Event[] = [];
  if (holder) events.push(releaseLookupKey(state, holder, now, request));
  const previous = applyChanges(price, input.fields, input.metadata);
  if (Object.keys(previous).length > 0) {
    events.push(state.emit('price.updated', price, { created: now, previous, request }));
  }
  return { body: render(state, price, input.expand), events };
}

/**
 * The price that already has a lookup key: Stripe keeps each key on one price at a time, and
 * refuses it for another unless `transfer_lookup_key` moves it.
 */
function lookupKeyHolder(
  state: FakeState,
  key: string | null,
  transfer: boolean,
): Stripe.Price | undefined {
  if (key === null) return undefined;
  const holder = [...state.prices.values()].find((price) => price.lookup_key === key);
  if (holder && !transfer) {
    throw invalidRequest(`A price (\`${holder.id}\`) already uses that lookup key.`, {
      param: 'lookup_key',
    });
  }
  return holder;
}

function releaseLookupKey(
  state: FakeState,
  holder: Stripe.Price,
  now: number,
  request: EventRequest,
): Stripe.Event {
  const previous = { lookup_key: holder.lookup_key };
  holder.lookup_key = null;
  return state.emit('price.updated', holder, { created: now, previous, request });
}

function listPrices({ state, params }: ApiCall): ApiAnswer {
  const filter = validatePriceList(params);
  const prices = newestFirst([...state.prices.values()]).filter(
    (price) =>
      (filter.active === undefined || price.active === filter.active) &&
      (filter.currency === undefined || price.currency === filter.currency) &&
      (filter.lookupKeys === undefined || filter.lookupKeys.includes(price.lookup_key ?? '')) &&
      (filter.product === undefined || idOf(price.product) === filter.product) &&
      (filter.type === undefined || price.type === filter.type) &&
      (filter.interval === undefined || price.recurring?.interval === filter.interval),
  );
  const page = paginate(prices, filter, '/v1/prices');
  return { body: render(state, page, filter.expand), events: [] };
}

function createCustomer({ state, params, request }: ApiCall): ApiAnswer {
  const input = validateCustomerCreate(params);
  const now = nowSeconds();
  const customer = buildCustomer({ ...input, now });
  state.customers.set(customer.id, customer);
  const event = state.emit('customer.created', customer, { created: now, request });
  return { body: render(state, customer, input.expand), events: [event] };
}

function updateCustomer({ state, params, request }: ApiCall, id: string): ApiAnswer {
  const customer = state.customer(id);
  const input = validateCustomerUpdate(params);
  const previous = applyChanges(customer, input.fields, input.metadata);
  const events =
    Object.keys(previous).length === 0
      ? []
      : [
          state.emit('customer.updated', customer, {
            created: after(customer.created),
            previous,
            request,
          }),
        ];
  return { body: render(state, customer, input.expand), events };
}

function listCustomers({ state, params }: ApiCall): ApiAnswer {
  const filter = validateCustomerList(params);
  const customers = newestFirst([...state.customers.values()]).filter(
    (customer) => filter.email === undefined || customer.email === filter.email,
  );
  const page = paginate(customers, filter, '/v1/customers');
  return { body: render(state, page, filter.expand), events: [] };
}

function listInvoicePayments({ state, params }: ApiCall): ApiAnswer {
  const filter = validateInvoicePaymentList(params);
  const payments = newestFirst([...state.invoicePayments.values()]).filter(
    (payment) =>
      (filter.invoice === undefined || idOf(payment.invoice) === filter.invoice) &&
      (filter.paymentIntent === undefined ||
        idOf(payment.payment.payment_intent) === filter.paymentIntent) &&
      (filter.status === undefined || payment.status === filter.status),
  );
  const page = paginate(payments, filter, '/v1/invoice_payments');
  return { body: render(state, page, filter.expand), events: [] };
}

function createPortalSession({ state, params }: ApiCall): ApiAnswer {
  const input = validatePortalSession(params, state.lookups());
  const configuration =
    input.configuration === undefined
      ? state.defaultPortalConfiguration()
      : found(
          state.portalConfigurations.get(input.configuration),
          'billing_portal.configuration',
          input.configuration,
          400,
          'configuration',
        );
  if (!configuration.active) {
    throw invalidRequest(
      `The configuration ${configuration.id} is not active. Activate it or use another configuration.`,
      { param: 'configuration' },
    );
  }
  const session = buildPortalSession({
    customer: input.customer,
    returnUrl: input.returnUrl ?? configuration.default_return_url,
    locale: input.locale,
    configuration: configuration.id,
    baseUrl: state.baseUrl,
    now: nowSeconds(),
  });
  state.portalSessions.set(session.id, session);
  return { body: render(state, session, input.expand), events: [] };
}

function createPortalConfiguration({ state, params, request }: ApiCall): ApiAnswer {
  const input = validateConfigurationCreate(params, state.lookups());
  const now = nowSeconds();
  const configuration = buildPortalConfiguration({ isDefault: false, input, now });
  state.portalConfigurations.set(configuration.id, configuration);
  const event = state.emit('billing_portal.configuration.created', configuration, {
    created: now,
    request,
  });
  return { body: render(state, configuration, input.expand), events: [event] };
}

function updatePortalConfiguration({ state, params, request }: ApiCall, id: string): ApiAnswer {
  const configuration = state.portalConfiguration(id);
  const input = validateConfigurationUpdate(params, state.lookups(), configuration);
  if (input.active === false && configuration.is_default) {
    throw invalidRequest('The default configuration cannot be deactivated.', { param: 'active' });
  }
  const now = after(configuration.updated);
  const previous = applyConfigurationInput(configuration, input, now);
  const events =
    Object.keys(previous).length === 0
      ? []
      : [
          state.emit('billing_portal.configuration.updated', configuration, {
            created: now,
            previous,
            request,
          }),
        ];
  return { body: render(state, configuration, input.expand), events };
}

function listPortalConfigurations({ state, params }: ApiCall): ApiAnswer {
  const filter = validateConfigurationList(params);
  const configurations = newestFirst([...state.portalConfigurations.values()]).filter(
    (configuration) =>
      (filter.active === undefined || configuration.active === filter.active) &&
      (filter.isDefault === undefined || configuration.is_default === filter.isDefault),
  );
  const page = paginate(configurations, filter, '/v1/billing_portal/configurations');
  return { body: render(state, page, filter.expand), events: [] };
}

/** Lists come newest first; objects made in the same second keep the order they were made in. */
function newestFirst<T extends { created: number }>(items: T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.created - a.item.created || b.index - a.index)
    .map(({ item }) => item);
}

function paginate<T extends { id: string }>(
  items: T[],
  options: ListParams,
  url: string,
): Stripe.ApiList<T> {
  let start = 0;
  let end = items.length;
  if (options.startingAfter !== undefined) {
    const index = items.findIndex((item) => item.id === options.startingAfter);
    if (index < 0) throw noSuch('object', options.startingAfter, 'starting_after', 400);
    start = index + 1;
    end = Math.min(items.length, start + options.limit);
  } else if (options.endingBefore !== undefined) {
    const index = items.findIndex((item) => item.id === options.endingBefore);
    if (index < 0) throw noSuch('object', options.endingBefore, 'ending_before', 400);
    end = index;
    start = Math.max(0, end - options.limit);
  } else {
    end = Math.min(items.length, options.limit);
  }
  const hasMore = options.endingBefore !== undefined ? start > 0 : end < items.length;
  return list(url, items.slice(start, end), hasMore);
}
