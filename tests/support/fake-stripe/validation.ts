import type Stripe from 'stripe';
import { invalidRequest, missingParam, noSuch } from './errors';
import type { Params } from './form-body';
import {
  knownParams,
  paramName,
  readArray,
  readBoolean,
  readEmail,
  readEnum,
  readExpand,
  readInteger,
  readListParams,
  readMetadata,
  readObject,
  readString,
  readText,
  readMetadataChanges,
  readUrl,
  refuseUnsimulated,
  rejectUnknown,
  required,
  type ListParams,
} from './params';

type CreateParams = Stripe.Checkout.SessionCreateParams;
type LineItemParams = Stripe.Checkout.SessionCreateParams.LineItem;
type PriceDataParams = Stripe.Checkout.SessionCreateParams.LineItem.PriceData;

const sessionCreateParams = knownParams<CreateParams>()([
  'adaptive_pricing',
  'after_expiration',
  'allow_promotion_codes',
  'allowed_payment_method_types',
  'automatic_tax',
  'billing_address_collection',
  'branding_settings',
  'cancel_url',
  'client_reference_id',
  'consent_collection',
  'currency',
  'custom_fields',
  'custom_text',
  'customer',
  'customer_account',
  'customer_creation',
  'customer_email',
  'customer_update',
  'discounts',
  'excluded_payment_method_types',
  'expand',
  'expires_at',
  'integration_identifier',
  'invoice_creation',
  'line_items',
  'locale',
  'managed_payments',
  'metadata',
  'mode',
  'name_collection',
  'optional_items',
  'origin_context',
  'payment_intent_data',
  'payment_method_collection',
  'payment_method_configuration',
  'payment_method_data',
  'payment_method_options',
  'permissions',
  'phone_number_collection',
  'redirect_on_completion',
  'return_url',
  'saved_payment_method_options',
  'setup_intent_data',
  'shipping_address_collection',
  'shipping_options',
  'submit_type',
  'subscription_data',
  'success_url',
  'tax_id_collection',
  'ui_mode',
  'wallet_options',
]);
const lineItemParams = knownParams<LineItemParams>()([
  'adjustable_quantity',
  'metadata',
  'price',
  'price_data',
  'quantity',
  'tax_rates',
]);
const priceDataParams = knownParams<PriceDataParams>()([
  'currency',
  'product',
  'product_data',
  'recurring',
  'tax_behavior',
  'unit_amount',
  'unit_amount_decimal',
]);
const productDataParams =
  knownParams<Stripe.Checkout.SessionCreateParams.LineItem.PriceData.ProductData>()([
    'description',
    'images',
    'metadata',
    'name',
    'tax_code',
    'tax_details',
    'unit_label',
  ]);
const recurringParams =
  knownParams<Stripe.Checkout.SessionCreateParams.LineItem.PriceData.Recurring>()([
    'interval',
    'interval_count',
  ]);
const paymentIntentDataParams =
  knownParams<Stripe.Checkout.SessionCreateParams.PaymentIntentData>()([
    'application_fee_amount',
    'capture_method',
    'description',
    'metadata',
    'on_behalf_of',
    'receipt_email',
    'setup_future_usage',
    'shipping',
    'statement_descriptor',
    'statement_descriptor_suffix',
    'transfer_data',
    'transfer_group',
  ]);
const subscriptionDataParams = knownParams<Stripe.Checkout.SessionCreateParams.SubscriptionData>()([
  'application_fee_percent',
  'billing_cycle_anchor',
  'billing_cycle_anchor_config',
  'billing_mode',
  'default_tax_rates',
  'description',
  'invoice_settings',
  'metadata',
  'on_behalf_of',
  'pending_invoice_item_interval',
  'proration_behavior',
  'transfer_data',
  'trial_end',
  'trial_period_days',
  'trial_settings',
]);

/**
 * Parameters Stripe accepts but this fake does not act out. They would change what the donor is
 * charged or when, so a test that sends one gets a clear refusal rather than a silent difference.
 */
const notSimulated = {
  top: ['discounts', 'optional_items', 'shipping_options'],
  subscriptionData: new Set([
    'billing_cycle_anchor',
    'billing_cycle_anchor_config',
    'default_tax_rates',
    'trial_end',
    'trial_settings',
  ]),
};

export type Interval = 'day' | 'week' | 'month' | 'year';

export interface NewPrice {
  currency: string;
  unitAmount: number | null;
  unitAmountDecimal: string;
  recurring: { interval: Interval; intervalCount: number } | null;
  taxBehavior: 'exclusive' | 'inclusive' | 'unspecified' | null;
  product:
    | { id: string }
    | {
        name: string;
        description: string | null;
        images: string[];
        metadata: Record<string, string>;
        unitLabel: string | null;
      };
}

export interface LineItemInput {
  price: { existing: Stripe.Price } | { create: NewPrice };
  quantity: number;
  /** Minor units for the whole line; unit_amount_decimal may carry fractions of a unit. */
  amount: number;
  currency: string;
  recurring: { interval: Interval; intervalCount: number } | null;
  description: string;
}

export interface CheckoutSessionInput {
  mode: 'payment' | 'subscription' | 'setup';
  successUrl: string;
  cancelUrl: string | null;
  lineItems: LineItemInput[];
  currency: string | null;
  customer: string | null;
  customerEmail: string | null;
  customerCreation: 'always' | 'if_required' | null;
  clientReferenceId: string | null;
  allowPromotionCodes: boolean | null;
  metadata: Record<string, string>;
  paymentIntentData: {
    metadata: Record<string, string>;
    description: string | null;
    receiptEmail: string | null;
    setupFutureUsage: 'off_session' | 'on_session' | null;
    statementDescriptor: string | null;
    statementDescriptorSuffix: string | null;
  } | null;
  subscriptionData: {
    metadata: Record<string, string>;
    description: string | null;
    /** Days before the first charge; the subscription starts `trialing`. */
    trialPeriodDays: number | null;
  } | null;
  submitType: 'auto' | 'book' | 'donate' | 'pay' | 'subscribe' | null;
  expiresAt: number | null;
  locale: string | null;
  expand: string[];
}

/** What validation may look up in the fake's records. */
export interface Lookups {
  price(id: string): Stripe.Price | undefined;
  product(id: string): Stripe.Product | undefined;
  customer(id: string): Stripe.Customer | undefined;
}

/**
 * Checks the parameters of `POST /v1/checkout/sessions` the way Stripe does for a hosted
 * Checkout page, and returns them in a form the object builders can use.
 */
export function validateCheckoutSession(
  params: Params,
  lookups: Lookups,
  now: number,
): CheckoutSessionInput {
  rejectUnknown(params, sessionCreateParams);
  for (const name of notSimulated.top) {
    if (params[name] !== undefined) refuseUnsimulated(name);
  }
  const uiMode = readEnum(params.ui_mode, 'ui_mode', [
    'elements',
    'embedded_page',
    'form',
    'hosted_page',
  ]);
  if (uiMode !== undefined && uiMode !== 'hosted_page') refuseUnsimulated(`ui_mode=${uiMode}`);
  const automaticTax = readObject(params.automatic_tax, 'automatic_tax');
  if (automaticTax && readBoolean(automaticTax.enabled, 'automatic_tax[enabled]')) {
    refuseUnsimulated('automatic_tax[enabled]');
  }

  const mode = required(
    readEnum(params.mode, 'mode', ['payment', 'setup', 'subscription']),
    'mode',
  );
  const successUrl = required(readUrl(params.success_url, 'success_url'), 'success_url');
  const cancelUrl = readUrl(params.cancel_url, 'cancel_url') ?? null;
  if (params.return_url !== undefined) {
    throw invalidRequest(
      'You can only pass `return_url` when `ui_mode` is `embedded_page` or `elements`.',
      { param: 'return_url' },
    );
  }

  const customer = readText(params.customer, 'customer') ?? null;
  const customerEmail = readEmail(params.customer_email, 'customer_email') ?? null;
  if (customer !== null && customerEmail !== null) {
    throw invalidRequest('You may only specify one of these parameters: customer, customer_email.');
  }
  if (customer !== null && !lookups.customer(customer)) {
    throw noSuch('customer', customer, 'customer', 400);
  }
  const customerCreation =
    readEnum(params.customer_creation, 'customer_creation', ['always', 'if_required']) ?? null;
  if (customerCreation !== null && mode === 'subscription') {
    throw invalidRequest('`customer_creation` can only be used in `payment` and `setup` mode.', {
      param: 'customer_creation',
    });
  }
  if (params.customer_update !== undefined && customer === null) {
    throw invalidRequest('`customer_update` can only be used with `customer`.', {
      param: 'customer_update',
    });
  }

  const submitType =
    readEnum(params.submit_type, 'submit_type', ['auto', 'book', 'donate', 'pay', 'subscribe']) ??
    null;
  if (submitType !== null && mode === 'setup') {
    throw invalidRequest('`submit_type` can only be used in `payment` and `subscription` mode.', {
      param: 'submit_type',
    });
  }
  if (submitType === 'subscribe' && mode !== 'subscription') {
    throw invalidRequest('`submit_type=subscribe` can only be used in `subscription` mode.', {
      param: 'submit_type',
    });
  }

  const paymentIntentData = readPaymentIntentData(params, mode);
  const subscriptionData = readSubscriptionData(params, mode);
  const lineItems = readLineItems(params, mode, lookups);

  let currency = readString(params.currency, 'currency')?.toLowerCase() ?? null;
  if (currency !== null) checkCurrency(currency, 'currency');
  const itemCurrency = lineItems[0]?.currency ?? null;
  if (currency !== null && itemCurrency !== null && currency !== itemCurrency) {
    throw invalidRequest(
      `The currency you provided (${currency}) does not match the currency of the line items (${itemCurrency}).`,
      { param: 'currency' },
    );
  }
  currency ??= itemCurrency;
  if (mode === 'setup' && currency === null) throw missingParam('currency');

  const expiresAt = readInteger(params.expires_at, 'expires_at') ?? null;
  if (expiresAt !== null) {
    if (expiresAt < now + 30 * 60) {
      throw invalidRequest(
        'The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.',
        { param: 'expires_at' },
      );
    }
    if (expiresAt > now + 24 * 60 * 60) {
      throw invalidRequest(
        'The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.',
        { param: 'expires_at' },
      );
    }
  }

  return {
    mode,
    successUrl,
    cancelUrl,
    lineItems,
    currency,
    customer,
    customerEmail,
    customerCreation,
    clientReferenceId: readText(params.client_reference_id, 'client_reference_id', 200) ?? null,
    allowPromotionCodes: readBoolean(params.allow_promotion_codes, 'allow_promotion_codes') ?? null,
    metadata: readMetadata(params.metadata, 'metadata') ?? {},
    paymentIntentData,
    subscriptionData,
    submitType,
    expiresAt,
    locale: readString(params.locale, 'locale') ?? null,
    expand: readExpand(params),
  };
}

function readPaymentIntentData(
  params: Params,
  mode: CheckoutSessionInput['mode'],
): CheckoutSessionInput['paymentIntentData'] {
  const data = readObject(params.payment_intent_data, 'payment_intent_data');
  if (data === undefined) return null;
  if (mode !== 'payment') {
    throw invalidRequest('`payment_intent_data` can only be used in `payment` mode.', {
      param: 'payment_intent_data',
    });
  }
  rejectUnknown(data, paymentIntentDataParams, 'payment_intent_data');
  const captureMethod = readEnum(data.capture_method, 'payment_intent_data[capture_method]', [
    'automatic',
    'automatic_async',
    'manual',
  ]);
  if (captureMethod === 'manual') refuseUnsimulated('payment_intent_data[capture_method]=manual');
  const descriptor = readText(
    data.statement_descriptor,
    'payment_intent_data[statement_descriptor]',
    22,
  );
  return {
    metadata: readMetadata(data.metadata, 'payment_intent_data[metadata]') ?? {},
    description: readText(data.description, 'payment_intent_data[description]', 1000) ?? null,
    receiptEmail: readText(data.receipt_email, 'payment_intent_data[receipt_email]') ?? null,
    setupFutureUsage:
      readEnum(data.setup_future_usage, 'payment_intent_data[setup_future_usage]', [
        'off_session',
        'on_session',
      ]) ?? null,
    statementDescriptor: descriptor ?? null,
    statementDescriptorSuffix:
      readText(
        data.statement_descriptor_suffix,
        'payment_intent_data[statement_descriptor_suffix]',
        22,
      ) ?? null,
  };
}

function readSubscriptionData(
  params: Params,
  mode: CheckoutSessionInput['mode'],
): CheckoutSessionInput['subscriptionData'] {
  const data = readObject(params.subscription_data, 'subscription_data');
  if (data === undefined) return null;
  if (mode !== 'subscription') {
    throw invalidRequest('`subscription_data` can only be used in `subscription` mode.', {
      param: 'subscription_data',
    });
  }
  rejectUnknown(data, subscriptionDataParams, 'subscription_data');
  for (const key of Object.keys(data)) {
    if (notSimulated.subscriptionData.has(key))
      refuseUnsimulated(paramName('subscription_data', key));
  }
  return {
    metadata: readMetadata(data.metadata, 'subscription_data[metadata]') ?? {},
    description: readText(data.description, 'subscription_data[description]', 500) ?? null,
    trialPeriodDays:
      readInteger(data.trial_period_days, 'subscription_data[trial_period_days]', {
        min: 1,
        max: 730,
      }) ?? null,
  };
}

export function checkCurrency(currency: string, name: string): void {
  if (!/^[a-z]{3}$/.test(currency)) {
    throw invalidRequest(
      `Invalid currency: ${currency}. Stripe currently supports these currencies: three-letter ISO codes in lowercase, such as gbp, eur and usd.`,
      { param: name },
    );
  }
}

function readLineItems(
  params: Params,
  mode: CheckoutSessionInput['mode'],
  lookups: Lookups,
): LineItemInput[] {
  const list = readArray(params.line_items, 'line_items');
  if (mode === 'setup') {
    if (list && list.length > 0) {
      throw invalidRequest('You cannot pass `line_items` in `setup` mode.', {
        param: 'line_items',
      });
    }
    return [];
  }
  if (!list || list.length === 0) {
    throw invalidRequest(`\`line_items\` is required in \`${mode}\` mode.`, {
      param: 'line_items',
      code: 'parameter_missing',
    });
  }
  const limit = mode === 'payment' ? 100 : 20;
  if (list.length > limit) {
    throw invalidRequest(`You can only pass up to ${limit} line items in \`${mode}\` mode.`, {
      param: 'line_items',
    });
  }
  const items = list.map((entry, index) => readLineItem(entry, `line_items[${index}]`, lookups));

  const currencies = new Set(items.map((item) => item.currency));
  if (currencies.size > 1) {
    throw invalidRequest(
      `All line items must use the same currency; you passed ${[...currencies].join(', ')}.`,
      { param: 'line_items' },
    );
  }
  if (mode === 'payment') {
    const recurring = items.findIndex((item) => item.recurring !== null);
    if (recurring >= 0) {
      throw invalidRequest(
        'You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.',
        { param: `line_items[${recurring}]` },
      );
    }
  } else {
    const recurring = items.filter((item) => item.recurring !== null);
    if (recurring.length === 0) {
      throw invalidRequest(
        'You must provide at least one recurring price in `subscription` mode when using prices.',
        { param: 'line_items' },
      );
    }
    const intervals = new Set(
      recurring.map((item) => `${item.recurring!.intervalCount} ${item.recurring!.interval}`),
    );
    if (intervals.size > 1) {
      throw invalidRequest(
        'Checkout does not support multiple prices with different billing intervals.',
        { param: 'line_items' },
      );
    }
  }
  return items;
}

function readLineItem(
  value: Params[string] | undefined,
  name: string,
  lookups: Lookups,
): LineItemInput {
  const item = readObject(value, name);
  if (item === undefined) throw missingParam(name);
  rejectUnknown(item, lineItemParams, name);
  if (item.tax_rates !== undefined) refuseUnsimulated(`${name}[tax_rates]`);
  if (item.adjustable_quantity !== undefined) refuseUnsimulated(`${name}[adjustable_quantity]`);
  if (item.metadata !== undefined) readMetadata(item.metadata, `${name}[metadata]`);

  const quantity = readInteger(item.quantity, `${name}[quantity]`, { min: 1, max: 999_999 });
  if (quantity === undefined) {
    throw invalidRequest(`Quantity is required. Add \`quantity\` to \`${name}\``, {
      param: `${name}[quantity]`,
      code: 'parameter_missing',
    });
  }
  const priceId = readText(item.price, `${name}[price]`);
  const priceData = readObject(item.price_data, `${name}[price_data]`);
  if (priceId !== undefined && priceData !== undefined) {
    throw invalidRequest('You may only specify one of these parameters: price, price_data.', {
      param: `${name}[price_data]`,
    });
  }
  if (priceId !== undefined) {
    const existing = lookups.price(priceId);
    if (!existing) throw noSuch('price', priceId, `${name}[price]`, 400);
    if (!existing.active) throw inactivePrice(`${name}[price]`);
    const unit = Number(existing.unit_amount_decimal?.toString() ?? existing.unit_amount ?? 0);
    return {
      price: { existing },
      quantity,
      amount: Math.round(unit * quantity),
      currency: existing.currency,
      recurring: existing.recurring
        ? {
            interval: existing.recurring.interval as Interval,
            intervalCount: existing.recurring.interval_count,
          }
        : null,
      description: productName(existing, lookups),
    };
  }
  if (priceData === undefined) throw missingParam(`${name}[price_data]`);
  const created = readPriceData(priceData, `${name}[price_data]`, lookups);
  const unit = created.unitAmount ?? Number(created.unitAmountDecimal);
  return {
    price: { create: created },
    quantity,
    amount: Math.round(unit * quantity),
    currency: created.currency,
    recurring: created.recurring,
    description:
      'name' in created.product
        ? created.product.name
        : (lookups.product(created.product.id)?.name ?? created.product.id),
  };
}

/** Stripe's refusal of an archived price where a new purchase or change needs one. */
export const inactivePrice = (param: string) =>
  invalidRequest('The price specified is inactive. This field only accepts active prices.', {
    param,
  });

function productName(price: Stripe.Price, lookups: Lookups): string {
  const product = price.product;
  if (typeof product !== 'string') return 'name' in product ? product.name : product.id;
  return lookups.product(product)?.name ?? product;
}

const intervalDays: Record<Interval, number> = { day: 1, week: 7, month: 31, year: 366 };

function readPriceData(data: Params, name: string, lookups: Lookups): NewPrice {
  rejectUnknown(data, priceDataParams, name);
  const currency = required(
    readText(data.currency, `${name}[currency]`),
    `${name}[currency]`,
  ).toLowerCase();
  checkCurrency(currency, `${name}[currency]`);

  const amount = readUnitAmount(data, name);

  const productId = readText(data.product, `${name}[product]`);
  const productData = readObject(data.product_data, `${name}[product_data]`);
  if (productId !== undefined && productData !== undefined) {
    throw invalidRequest('You may only specify one of these parameters: product, product_data.', {
      param: `${name}[product_data]`,
    });
  }
  let product: NewPrice['product'];
  if (productId !== undefined) {
    if (!lookups.product(productId)) throw noSuch('product', productId, `${name}[product]`, 400);
    product = { id: productId };
  } else if (productData !== undefined) {
    const prefix = `${name}[product_data]`;
    rejectUnknown(productData, productDataParams, prefix);
    const images = (readArray(productData.images, `${prefix}[images]`) ?? []).map((image, index) =>
      required(readUrl(image, `${prefix}[images][${index}]`), `${prefix}[images]`),
    );
    if (images.length > 8) {
      throw invalidRequest('You can only pass up to 8 images.', { param: `${prefix}[images]` });
    }
    product = {
      name: required(readText(productData.name, `${prefix}[name]`, 250), `${prefix}[name]`),
      description: readText(productData.description, `${prefix}[description]`, 40_000) ?? null,
      images,
      metadata: readMetadata(productData.metadata, `${prefix}[metadata]`) ?? {},
      unitLabel: readText(productData.unit_label, `${prefix}[unit_label]`, 12) ?? null,
    };
  } else {
    throw missingParam(`${name}[product_data]`);
  }

  const recurringData = readObject(data.recurring, `${name}[recurring]`);
  const recurring =
    recurringData === undefined
      ? null
      : readRecurring(recurringData, `${name}[recurring]`, recurringParams);

  return {
    currency,
    ...amount,
    recurring,
    taxBehavior:
      readEnum(data.tax_behavior, `${name}[tax_behavior]`, [
        'exclusive',
        'inclusive',
        'unspecified',
      ]) ?? null,
    product,
  };
}

/** A price's amount: `unit_amount` or `unit_amount_decimal` under `prefix`, exactly one of them. */
export function readUnitAmount(
  data: Params,
  prefix: string,
): Pick<NewPrice, 'unitAmount' | 'unitAmountDecimal'> {
  const amountName = paramName(prefix, 'unit_amount');
  const decimalName = paramName(prefix, 'unit_amount_decimal');
  const unitAmount = readInteger(data.unit_amount, amountName, { min: 0, max: 99_999_999 });
  const decimalText = readString(data.unit_amount_decimal, decimalName);
  if (unitAmount !== undefined && decimalText !== undefined) {
    throw invalidRequest(
      'You may only specify one of these parameters: unit_amount, unit_amount_decimal.',
      { param: decimalName },
    );
  }
  if (unitAmount === undefined && decimalText === undefined) throw missingParam(amountName);
  if (decimalText !== undefined && !/^[0-9]+(\.[0-9]{1,12})?$/.test(decimalText)) {
    throw invalidRequest(`Invalid decimal: ${decimalText}`, { param: decimalName });
  }
  return {
    unitAmount: unitAmount ?? null,
    unitAmountDecimal: decimalText ?? String(unitAmount),
  };
}

/** A price's `recurring` hash: its interval, at most a year long. */
export function readRecurring(
  data: Params,
  prefix: string,
  known: ReadonlySet<string>,
): NonNullable<NewPrice['recurring']> {
  rejectUnknown(data, known, prefix);
  const interval = required(
    readEnum(data.interval, `${prefix}[interval]`, ['day', 'month', 'week', 'year']),
    `${prefix}[interval]`,
  );
  const intervalCount =
    readInteger(data.interval_count, `${prefix}[interval_count]`, { min: 1 }) ?? 1;
  if (intervalDays[interval] * intervalCount > 366 + 31) {
    throw invalidRequest(
      'The maximum billing interval is one year (1 year, 12 months, or 52 weeks).',
      { param: `${prefix}[interval_count]` },
    );
  }
  return { interval, intervalCount };
}

const portalSessionParams = knownParams<Stripe.BillingPortal.SessionCreateParams>()([
  'after_expiration',
  'configuration',
  'customer',
  'customer_account',
  'expand',
  'flow_data',
  'locale',
  'on_behalf_of',
  'return_url',
]);

export interface PortalSessionInput {
  customer: string;
  /** The configuration asked for; the default one when not given. */
  configuration: string | undefined;
  returnUrl: string | null;
  locale: string | null;
  expand: string[];
}

export function validatePortalSession(params: Params, lookups: Lookups): PortalSessionInput {
  rejectUnknown(params, portalSessionParams);
  if (params.flow_data !== undefined) refuseUnsimulated('flow_data');
  const customer = required(readText(params.customer, 'customer'), 'customer');
  if (!lookups.customer(customer)) throw noSuch('customer', customer, 'customer', 400);
  return {
    customer,
    configuration: readText(params.configuration, 'configuration'),
    returnUrl: readUrl(params.return_url, 'return_url') ?? null,
    locale: readString(params.locale, 'locale') ?? null,
    expand: readExpand(params),
  };
}

const subscriptionUpdateParams = knownParams<Stripe.SubscriptionUpdateParams>()([
  'add_invoice_items',
  'application_fee_percent',
  'automatic_tax',
  'billing_cycle_anchor',
  'billing_schedules',
  'billing_thresholds',
  'cancel_at',
  'cancel_at_period_end',
  'cancellation_details',
  'collection_method',
  'days_until_due',
  'default_payment_method',
  'default_source',
  'default_tax_rates',
  'description',
  'discounts',
  'expand',
  'invoice_settings',
  'items',
  'metadata',
  'off_session',
  'on_behalf_of',
  'pause_collection',
  'payment_behavior',
  'payment_settings',
  'pending_invoice_item_interval',
  'proration_behavior',
  'proration_date',
  'transfer_data',
  'trial_end',
  'trial_from_plan',
  'trial_settings',
]);
const simulatedSubscriptionUpdates = new Set([
  'cancel_at_period_end',
  'cancellation_details',
  'description',
  'expand',
  'items',
  'metadata',
  'proration_behavior',
]);
const subscriptionItemParams = knownParams<Stripe.SubscriptionUpdateParams.Item>()([
  'billing_thresholds',
  'clear_usage',
  'current_trial',
  'deleted',
  'discounts',
  'id',
  'metadata',
  'plan',
  'price',
  'price_data',
  'quantity',
  'tax_rates',
]);

/** How Stripe settles the difference when a subscription's price changes mid-period. */
export type ProrationBehavior = 'always_invoice' | 'create_prorations' | 'none';

export const prorationBehaviors: readonly ProrationBehavior[] = [
  'always_invoice',
  'create_prorations',
  'none',
];

export interface SubscriptionUpdateInput {
  cancelAtPeriodEnd: boolean | undefined;
  /** Keys to set (null: remove the key), or null to remove every key (`metadata=`). */
  metadata: Record<string, string | null> | null | undefined;
  description: string | null | undefined;
  comment: string | null | undefined;
  /** A new price for one existing item (`items[n]`): the only change to items the fake acts out. */
  itemPrice: { itemId: string; priceId: string; param: string } | undefined;
  prorationBehavior: ProrationBehavior | undefined;
  expand: string[];
}

export function validateSubscriptionUpdate(params: Params): SubscriptionUpdateInput {
  rejectUnknown(params, subscriptionUpdateParams);
  for (const key of Object.keys(params)) {
    if (!simulatedSubscriptionUpdates.has(key)) refuseUnsimulated(key);
  }
  const metadata = readMetadataChanges(params.metadata, 'metadata');
  const details = readObject(params.cancellation_details, 'cancellation_details');
  if (details) rejectUnknown(details, new Set(['comment', 'feedback']), 'cancellation_details');
  const description = readString(params.description, 'description');
  return {
    cancelAtPeriodEnd: readBoolean(params.cancel_at_period_end, 'cancel_at_period_end'),
    metadata,
    description: description === '' ? null : description,
    comment: details
      ? (readString(details.comment, 'cancellation_details[comment]') ?? null)
      : undefined,
    itemPrice: readItemPrice(params),
    prorationBehavior: readEnum(
      params.proration_behavior,
      'proration_behavior',
      prorationBehaviors,
    ),
    expand: readExpand(params),
  };
}

/** `items[n][id]` with `items[n][price]`; adding, removing or otherwise changing items is refused. */
function readItemPrice(params: Params): SubscriptionUpdateInput['itemPrice'] {
  let change: SubscriptionUpdateInput['itemPrice'];
  (readArray(params.items, 'items') ?? []).forEach((entry, index) => {
    const name = `items[${index}]`;
    const item = readObject(entry, name) ?? {};
    rejectUnknown(item, subscriptionItemParams, name);
    for (const key of Object.keys(item)) {
      if (key !== 'id' && key !== 'price') refuseUnsimulated(paramName(name, key));
    }
    const itemId = readText(item.id, `${name}[id]`);
    if (itemId === undefined) refuseUnsimulated(name, `adding an item (\`${name}\` without an id)`);
    const priceId = readText(item.price, `${name}[price]`);
    if (priceId === undefined) return;
    if (change) refuseUnsimulated(name, 'changing the prices of two items in one request');
    change = { itemId, priceId, param: name };
  });
  return change;
}

const subscriptionCancelParams = knownParams<Stripe.SubscriptionCancelParams>()([
  'cancellation_details',
  'expand',
  'invoice_now',
  'prorate',
]);

export function validateSubscriptionCancel(params: Params): { expand: string[] } {
  rejectUnknown(params, subscriptionCancelParams);
  readBoolean(params.invoice_now, 'invoice_now');
  readBoolean(params.prorate, 'prorate');
  return { expand: readExpand(params) };
}

const invoicePaymentListParams = knownParams<Stripe.InvoicePaymentListParams>()([
  'created',
  'ending_before',
  'expand',
  'invoice',
  'limit',
  'payment',
  'starting_after',
  'status',
]);

export interface InvoicePaymentFilter extends ListParams {
  invoice: string | undefined;
  paymentIntent: string | undefined;
  status: 'canceled' | 'open' | 'paid' | undefined;
}

export function validateInvoicePaymentList(params: Params): InvoicePaymentFilter {
  rejectUnknown(params, invoicePaymentListParams);
  if (params.created !== undefined) refuseUnsimulated('created');
  const payment = readObject(params.payment, 'payment');
  let paymentIntent: string | undefined;
  if (payment !== undefined) {
    rejectUnknown(payment, new Set(['type', 'payment_intent', 'payment_record']), 'payment');
    const type = required(
      readEnum(payment.type, 'payment[type]', ['payment_intent', 'payment_record']),
      'payment[type]',
    );
    if (type === 'payment_record') refuseUnsimulated('payment[type]=payment_record');
    paymentIntent = required(
      readText(payment.payment_intent, 'payment[payment_intent]'),
      'payment[payment_intent]',
    );
  }
  return {
    ...readListParams(params),
    invoice: readText(params.invoice, 'invoice'),
    paymentIntent,
    status: readEnum(params.status, 'status', ['canceled', 'open', 'paid']),
  };
}

const sessionListParams = knownParams<Stripe.Checkout.SessionListParams>()([
  'created',
  'customer',
  'customer_account',
  'customer_details',
  'ending_before',
  'expand',
  'limit',
  'payment_intent',
  'payment_link',
  'starting_after',
  'status',
  'subscription',
]);

export interface SessionFilter extends ListParams {
  customer: string | undefined;
  paymentIntent: string | undefined;
  subscription: string | undefined;
  status: 'complete' | 'expired' | 'open' | undefined;
}

export function validateSessionList(params: Params): SessionFilter {
  rejectUnknown(params, sessionListParams);
  for (const key of ['created', 'customer_account', 'customer_details', 'payment_link']) {
    if (params[key] !== undefined) refuseUnsimulated(key);
  }
  return {
    ...readListParams(params),
    customer: readText(params.customer, 'customer'),
    paymentIntent: readText(params.payment_intent, 'payment_intent'),
    subscription: readText(params.subscription, 'subscription'),
    status: readEnum(params.status, 'status', ['complete', 'expired', 'open']),
  };
}

const subscriptionListParams = knownParams<Stripe.SubscriptionListParams>()([
  'automatic_tax',
  'collection_method',
  'created',
  'current_period_end',
  'current_period_start',
  'customer',
  'customer_account',
  'ending_before',
  'expand',
  'limit',
  'plan',
  'price',
  'starting_after',
  'status',
  'test_clock',
]);

export interface SubscriptionFilter extends ListParams {
  customer: string | undefined;
  status: string | undefined;
}

export function validateSubscriptionList(params: Params): SubscriptionFilter {
  rejectUnknown(params, subscriptionListParams);
  for (const key of Object.keys(params)) {
    if (
      !['customer', 'status', 'limit', 'starting_after', 'ending_before', 'expand'].includes(key)
    ) {
      refuseUnsimulated(key);
    }
  }
  return {
    ...readListParams(params),
    customer: readText(params.customer, 'customer'),
    status: readEnum(params.status, 'status', [
      'active',
      'all',
      'canceled',
      'ended',
      'incomplete',
      'incomplete_expired',
      'past_due',
      'paused',
      'trialing',
      'unpaid',
    ]),
  };
}

/** Lists that only page: a session's line items. */
export function validatePlainList(params: Params): ListParams {
  rejectUnknown(params, new Set(['limit', 'starting_after', 'ending_before', 'expand']));
  return readListParams(params);
}

/** GET endpoints for one object take only `expand`. */
export function validateRetrieve(params: Params): { expand: string[] } {
  rejectUnknown(params, new Set(['expand']));
  return { expand: readExpand(params) };
}
