import Stripe from 'stripe';
import { invoicePrefix, newId, randomSuffix } from './ids';
import { describeInterval, formatMoney } from './money';
import type { CheckoutSessionInput, NewPrice } from './validation';

// Every builder below annotates its result with the SDK's type for the pinned API version, so
// tsc insists on every field that version's objects carry.

export const decimal = (value: string | number): Stripe.Decimal => Stripe.Decimal.from(value);

export function list<T>(url: string, data: T[], hasMore = false): Stripe.ApiList<T> {
  return { object: 'list', data, has_more: hasMore, url };
}

/** A new product: from inline `product_data` (archived from the start) or `POST /v1/products`. */
export type ProductSpec = Exclude<NewPrice['product'], { id: string }> & { active: boolean };

export function buildProduct(spec: ProductSpec, now: number): Stripe.Product {
  return {
    id: newId('prod_'),
    object: 'product',
    active: spec.active,
    created: now,
    default_price: null,
    description: spec.description,
    images: spec.images,
    livemode: false,
    marketing_features: [],
    metadata: spec.metadata,
    name: spec.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: 'service',
    unit_label: spec.unitLabel,
    updated: now,
    url: null,
  };
}

/** What `POST /v1/prices` sets beyond the amount and interval. */
export interface PriceDetails {
  active: boolean;
  lookupKey: string | null;
  metadata: Record<string, string>;
  nickname: string | null;
}

// Like its product, an inline price is archived from the start.
const inlinePrice: PriceDetails = { active: false, lookupKey: null, metadata: {}, nickname: null };

export function buildPrice(
  spec: NewPrice,
  productId: string,
  now: number,
  details: PriceDetails = inlinePrice,
): Stripe.Price {
  return {
    id: newId('price_'),
    object: 'price',
    active: details.active,
    billing_scheme: 'per_unit',
    created: now,
    currency: spec.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: details.lookupKey,
    metadata: details.metadata,
    nickname: details.nickname,
    product: productId,
    recurring: spec.recurring
      ? {
          interval: spec.recurring.interval,
          interval_count: spec.recurring.intervalCount,
          meter: null,
          trial_period_days: null,
          usage_type: 'licensed',
        }
      : null,
    tax_behavior: spec.taxBehavior ?? 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: spec.recurring ? 'recurring' : 'one_time',
    unit_amount: spec.unitAmount,
    unit_amount_decimal: decimal(spec.unitAmountDecimal),
  };
}

export function buildPlan(price: Stripe.Price): Stripe.Plan {
  const recurring = price.recurring;
  if (!recurring) throw new Error(`price ${price.id} is not recurring`);
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: 'per_unit',
    created: price.created,
    currency: price.currency,
    interval: recurring.interval,
    interval_count: recurring.interval_count,
    livemode: false,
    metadata: { ...price.metadata },
    meter: null,
    nickname: price.nickname,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: 'licensed',
  };
}

export function buildLineItem(
  price: Stripe.Price,
  quantity: number,
  amount: number,
  description: string,
): Stripe.LineItem {
  return {
    id: newId('li_'),
    object: 'item',
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: price.currency,
    description,
    metadata: {},
    price,
    quantity,
  };
}

export function buildSession(args: {
  id: string;
  input: CheckoutSessionInput;
  amountTotal: number | null;
  baseUrl: string;
  now: number;
}): Stripe.Checkout.Session {
  const { id, input, now } = args;
  return {
    id,
    object: 'checkout.session',
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: input.allowPromotionCodes,
    allowed_payment_method_types: null,
    amount_subtotal: args.amountTotal,
    amount_total: args.amountTotal,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: input.cancelUrl,
    client_reference_id: input.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: now,
    currency: input.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer: input.customer,
    customer_account: null,
    customer_creation:
      input.mode === 'subscription' ? 'always' : (input.customerCreation ?? 'if_required'),
    customer_details: null,
    customer_email: input.customerEmail,
    discounts: [],
    expires_at: input.expiresAt ?? now + 24 * 60 * 60,
    integration_identifier: null,
    invoice: null,
    invoice_creation:
      input.mode === 'payment'
        ? {
            enabled: false,
            invoice_data: {
              account_tax_ids: null,
              custom_fields: null,
              description: null,
              footer: null,
              issuer: null,
              metadata: {},
              rendering_options: null,
            },
          }
        : null,
    livemode: false,
    locale: input.locale,
    managed_payments: null,
    metadata: input.metadata,
    mode: input.mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: input.mode === 'subscription' ? 'always' : 'if_required',
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ['card'],
    payment_status: input.mode === 'setup' ? 'no_payment_required' : 'unpaid',
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: input.submitType,
    subscription: null,
    success_url: input.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted_page',
    url: `${args.baseUrl}/pay/${id}`,
    wallet_options: null,
  };
}

export function buildCustomerDetails(
  email: string | null,
  name: string | null,
): Stripe.Checkout.Session.CustomerDetails {
  return {
    address: {
      city: null,
      country: 'GB',
      line1: null,
      line2: null,
      postal_code: 'SW1A 1AA',
      state: null,
    },
    business_name: null,
    email,
    individual_name: null,
    name,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
}

export function buildCustomer(args: {
  email: string | null;
  name: string | null;
  description?: string | null;
  metadata?: Record<string, string>;
  now: number;
}): Stripe.Customer {
  return {
    id: newId('cus_'),
    object: 'customer',
    address: null,
    balance: 0,
    created: args.now,
    currency: null,
    default_source: null,
    delinquent: false,
    description: args.description ?? null,
    discount: null,
    email: args.email,
    invoice_prefix: invoicePrefix(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: args.metadata ?? {},
    name: args.name,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

/** How a donor paid: a card succeeds at once; a bank transfer stays pending until it settles. */
export type PaymentMethodKind = 'card' | 'customer_balance';

export function buildPaymentIntent(args: {
  amount: number;
  currency: string;
  customer: string | null;
  description: string | null;
  metadata: Record<string, string>;
  receiptEmail: string | null;
  statementDescriptor: string | null;
  statementDescriptorSuffix: string | null;
  setupFutureUsage: Stripe.PaymentIntent.SetupFutureUsage | null;
  paymentMethod: string;
  kind: PaymentMethodKind;
  now: number;
}): Stripe.PaymentIntent {
  const id = newId('pi_');
  return {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: args.amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${randomSuffix(25)}`,
    confirmation_method: 'automatic',
    created: args.now,
    currency: args.currency,
    customer: args.customer,
    customer_account: null,
    description: args.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: args.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: args.paymentMethod,
    payment_method_configuration_details: null,
    payment_method_options:
      args.kind === 'card'
        ? { card: cardOptions() }
        : { customer_balance: { funding_type: 'bank_transfer' } },
    payment_method_types: [args.kind],
    payment_record: null,
    processing: null,
    receipt_email: args.receiptEmail,
    review: null,
    setup_future_usage: args.setupFutureUsage,
    shipping: null,
    source: null,
    statement_descriptor: args.statementDescriptor,
    statement_descriptor_suffix: args.statementDescriptorSuffix,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
}

function cardOptions(): Stripe.PaymentIntent.PaymentMethodOptions.Card {
  return {
    installments: null,
    mandate_options: null,
    network: null,
    request_three_d_secure: 'automatic',
  };
}

export function buildCharge(args: {
  intent: Stripe.PaymentIntent;
  kind: PaymentMethodKind;
  billingEmail: string | null;
  billingName: string | null;
  outcome: 'succeeded' | 'pending' | 'failed';
  now: number;
}): Stripe.Charge {
  const { intent, outcome } = args;
  const failed = outcome === 'failed';
  return {
    id: newId('ch_'),
    object: 'charge',
    amount: intent.amount,
    amount_captured: failed ? 0 : intent.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: outcome === 'succeeded' ? newId('txn_') : null,
    billing_details: {
      address: null,
      email: args.billingEmail,
      name: args.billingName,
      phone: null,
      tax_id: null,
    },
    calculated_statement_descriptor: 'FAKE STRIPE',
    captured: !failed,
    created: args.now,
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failed ? 'card_declined' : null,
    failure_message: failed ? 'Your card was declined.' : null,
    fraud_details: {},
    livemode: false,
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: failed ? 'declined_by_network' : 'approved_by_network',
      reason: failed ? 'generic_decline' : null,
      risk_level: 'normal',
      risk_score: 20,
      seller_message: failed
        ? 'The bank did not return any further details with this decline.'
        : 'Payment complete.',
      type: failed ? 'issuer_declined' : 'authorized',
    },
    paid: outcome === 'succeeded',
    payment_intent: intent.id,
    payment_method: typeof intent.payment_method === 'string' ? intent.payment_method : null,
    payment_method_details:
      args.kind === 'card'
        ? {
            type: 'card',
            card: {
              amount_authorized: failed ? null : intent.amount,
              authorization_code: failed ? null : '123456',
              brand: 'visa',
              checks: {
                address_line1_check: null,
                address_postal_code_check: 'pass',
                cvc_check: 'pass',
              },
              country: 'GB',
              electronic_commerce_indicator: null,
              exp_month: 12,
              exp_year: new Date(args.now * 1000).getUTCFullYear() + 3,
              funding: 'credit',
              installments: null,
              last4: failed ? '0002' : '4242',
              mandate: null,
              network: 'visa',
              network_transaction_id: randomSuffix(15),
              regulated_status: 'unregulated',
              three_d_secure: null,
              transaction_link_id: null,
              wallet: null,
            },
          }
        : { type: 'customer_balance', customer_balance: {} },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: intent.statement_descriptor,
    statement_descriptor_suffix: intent.statement_descriptor_suffix,
    status: outcome,
    transfer_data: null,
    transfer_group: null,
  };
}

export function buildSubscriptionItem(args: {
  price: Stripe.Price;
  quantity: number;
  subscriptionId: string;
  periodStart: number;
  periodEnd: number;
  now: number;
}): Stripe.SubscriptionItem {
  return {
    id: newId('si_'),
    object: 'subscription_item',
    billing_thresholds: null,
    created: args.now,
    current_period_end: args.periodEnd,
    current_period_start: args.periodStart,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: buildPlan(args.price),
    price: args.price,
    quantity: args.quantity,
    subscription: args.subscriptionId,
    tax_rates: [],
  };
}

export function buildSubscription(args: {
  id: string;
  customer: string;
  currency: string;
  items: Stripe.SubscriptionItem[];
  metadata: Record<string, string>;
  description: string | null;
  defaultPaymentMethod: string;
  /** The end of a free trial: the subscription starts `trialing` and bills from then on. */
  trialEnd: number | null;
  now: number;
}): Stripe.Subscription {
  const { trialEnd } = args;
  return {
    id: args.id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: trialEnd ?? args.now,
    billing_cycle_anchor_config: null,
    billing_mode: {
      flexible: { proration_discounts: 'included' },
      type: 'flexible',
      updated_at: args.now,
    },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: 'charge_automatically',
    created: args.now,
    currency: args.currency,
    customer: args.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: args.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: args.description,
    discounts: [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: 'self' },
    },
    items: list(`/v1/subscription_items?subscription=${args.id}`, args.items),
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: args.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: 'off',
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: args.now,
    status: trialEnd === null ? 'active' : 'trialing',
    test_clock: null,
    transfer_data: null,
    trial_end: trialEnd,
    trial_settings: {
      end_behavior: { billing_cycle_anchor: null, missing_payment_method: 'create_invoice' },
    },
    trial_start: trialEnd === null ? null : args.now,
  };
}

/** How an invoice line names a price: `1 × Gold (at £10.00 / month)`, or the product's name. */
export function describeLine(price: Stripe.Price, quantity: number, productName: string): string {
  const recurring = price.recurring;
  if (!recurring) return productName;
  const each = formatMoney(price.unit_amount ?? 0, price.currency);
  return `${quantity} × ${productName} (at ${each} / ${describeInterval(recurring.interval, recurring.interval_count)})`;
}

/**
 * An invoice line for a subscription item's period, for a one-off item on the first invoice, or
 * (with `proration`) for the unused or remaining time of a period when the item's price changed.
 * Without an invoice it waits, as a pending invoice item does, for the subscription's next one.
 */
export function buildInvoiceLine(args: {
  invoiceId: string | null;
  subscriptionId: string;
  price: Stripe.Price;
  quantity: number;
  amount: number;
  productName: string;
  item: Stripe.SubscriptionItem | null;
  period: { start: number; end: number };
  description?: string;
  proration?: boolean;
}): Stripe.InvoiceLineItem {
  const { price } = args;
  const proration = args.proration ?? false;
  const description = args.description ?? describeLine(price, args.quantity, args.productName);
  const productId = typeof price.product === 'string' ? price.product : price.product.id;
  return {
    id: newId('il_'),
    object: 'line_item',
    amount: args.amount,
    currency: price.currency,
    description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: args.invoiceId,
    livemode: false,
    metadata: {},
    parent: args.item
      ? {
          type: 'subscription_item_details',
          invoice_item_details: null,
          subscription_item_details: {
            invoice_item: proration ? newId('ii_') : null,
            proration,
            proration_details: { credited_items: null },
            subscription: args.subscriptionId,
            subscription_item: args.item.id,
          },
        }
      : {
          type: 'invoice_item_details',
          invoice_item_details: {
            invoice_item: newId('ii_'),
            proration: false,
            proration_details: { credited_items: null },
            subscription: args.subscriptionId,
          },
          subscription_item_details: null,
        },
    period: args.period,
    pretax_credit_amounts: [],
    pricing: {
      type: 'price_details',
      price_details: { price: price.id, product: productId },
      unit_amount_decimal: price.unit_amount_decimal,
    },
    quantity: args.quantity,
    quantity_decimal: decimal(args.quantity),
    subscription: args.subscriptionId,
    subtotal: args.amount,
    taxes: [],
  };
}

export function buildInvoice(args: {
  id: string;
  customer: Stripe.Customer;
  subscription: Stripe.Subscription;
  billingReason: 'subscription_create' | 'subscription_cycle' | 'subscription_update';
  lines: Stripe.InvoiceLineItem[];
  period: { start: number; end: number };
  now: number;
}): Stripe.Invoice {
  const { customer, subscription, now } = args;
  const total = args.lines.reduce((sum, line) => sum + line.amount, 0);
  const sequence = customer.next_invoice_sequence ?? 1;
  customer.next_invoice_sequence = sequence + 1;
  return {
    id: args.id,
    object: 'invoice',
    account_country: 'GB',
    account_name: 'Fake Stripe account',
    account_tax_ids: null,
    // A credit (a negative total) is due from no one; finalizing moves it to the customer's balance.
    amount_due: Math.max(0, total),
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: Math.max(0, total),
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: {
      disabled_reason: null,
      enabled: false,
      liability: null,
      provider: null,
      status: null,
    },
    automatically_finalizes_at: null,
    billing_reason: args.billingReason,
    collection_method: 'charge_automatically',
    created: now,
    currency: subscription.currency,
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: customer.email,
    customer_name: customer.name ?? null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: list(`/v1/invoices/${args.id}/lines`, args.lines),
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: `${customer.invoice_prefix ?? 'FAKE'}-${String(sequence).padStart(4, '0')}`,
    on_behalf_of: null,
    parent: {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: {
        // A snapshot: later changes to the subscription's metadata do not reach old invoices.
        metadata: { ...subscription.metadata },
        subscription: subscription.id,
      },
    },
    payment_settings: {
      default_mandate: null,
      payment_method_options: null,
      payment_method_types: null,
    },
    period_end: args.period.end,
    period_start: args.period.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'draft',
    status_transitions: {
      finalized_at: null,
      marked_uncollectible_at: null,
      paid_at: null,
      voided_at: null,
    },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  };
}

export function buildInvoicePayment(args: {
  invoice: Stripe.Invoice;
  intent: Stripe.PaymentIntent;
  now: number;
}): Stripe.InvoicePayment {
  return {
    id: newId('inpay_'),
    object: 'invoice_payment',
    amount_paid: null,
    amount_requested: args.invoice.amount_due,
    created: args.now,
    currency: args.invoice.currency,
    invoice: args.invoice.id,
    is_default: true,
    livemode: false,
    payment: { type: 'payment_intent', payment_intent: args.intent.id },
    status: 'open',
    status_transitions: { canceled_at: null, paid_at: null },
  };
}

export function buildRefund(args: {
  charge: Stripe.Charge;
  amount: number;
  now: number;
}): Stripe.Refund {
  const { charge } = args;
  return {
    id: newId('re_'),
    object: 'refund',
    amount: args.amount,
    balance_transaction: newId('txn_'),
    charge: charge.id,
    created: args.now,
    currency: charge.currency,
    customer: typeof charge.customer === 'string' ? charge.customer : (charge.customer?.id ?? null),
    customer_account: null,
    metadata: {},
    payment_intent: typeof charge.payment_intent === 'string' ? charge.payment_intent : null,
    payment_method: charge.payment_method,
    reason: null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
}

export function buildDispute(charge: Stripe.Charge, now: number): Stripe.Dispute {
  const card = charge.payment_method_details?.card;
  return {
    id: newId('dp_'),
    object: 'dispute',
    amount: charge.amount,
    // Stripe lists the withdrawal of the amount and fee here; the fake keeps no balance.
    balance_transactions: [],
    charge: charge.id,
    created: now,
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: emptyEvidence(),
    evidence_details: {
      // Card networks give a week or more to respond; Stripe shows the deadline here.
      due_by: now + 7 * 24 * 60 * 60,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: 'not_submitted',
    },
    intended_submission_method: null,
    // A chargeback has already taken the money back, so the charge cannot also be refunded.
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    network_reason_code: '10.4',
    payment_intent: typeof charge.payment_intent === 'string' ? charge.payment_intent : null,
    payment_method_details: {
      type: 'card',
      card: {
        brand: card?.brand ?? 'visa',
        case_type: 'chargeback',
        network: card?.network ?? 'visa',
        network_reason_code: '10.4',
      },
    },
    reason: 'fraudulent',
    status: 'needs_response',
  };
}

function emptyEvidence(): Stripe.Dispute.Evidence {
  return {
    access_activity_log: null,
    billing_address: null,
    cancellation_policy: null,
    cancellation_policy_disclosure: null,
    cancellation_rebuttal: null,
    customer_communication: null,
    customer_email_address: null,
    customer_name: null,
    customer_purchase_ip: null,
    customer_signature: null,
    duplicate_charge_documentation: null,
    duplicate_charge_explanation: null,
    duplicate_charge_id: null,
    enhanced_evidence: {},
    product_description: null,
    receipt: null,
    refund_policy: null,
    refund_policy_disclosure: null,
    refund_refusal_explanation: null,
    service_date: null,
    service_documentation: null,
    shipping_address: null,
    shipping_carrier: null,
    shipping_date: null,
    shipping_documentation: null,
    shipping_tracking_number: null,
    uncategorized_file: null,
    uncategorized_text: null,
  };
}

export function buildPortalSession(args: {
  customer: string;
  returnUrl: string | null;
  locale: string | null;
  configuration: string;
  baseUrl: string;
  now: number;
}): Stripe.BillingPortal.Session {
  const id = newId('bps_');
  return {
    id,
    object: 'billing_portal.session',
    configuration: args.configuration,
    created: args.now,
    customer: args.customer,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: args.locale as Stripe.BillingPortal.Session.Locale | null,
    on_behalf_of: null,
    return_url: args.returnUrl,
    url: `${args.baseUrl}/portal/${id}`,
  };
}
