import type Stripe from 'stripe';
import { invalidRequest, noSuch } from './errors';
import type { Params } from './form-body';
import type { PriceDetails, ProductSpec } from './objects';
import {
  changedMetadata,
  knownParams,
  paramName,
  readArray,
  readBoolean,
  readEmail,
  readEnum,
  readExpand,
  readListParams,
  readMetadata,
  readMetadataChanges,
  readObject,
  readString,
  readText,
  refuseUnsimulated,
  rejectUnknown,
  required,
  type ListParams,
} from './params';
import {
  checkCurrency,
  readRecurring,
  readUnitAmount,
  type Interval,
  type Lookups,
  type NewPrice,
} from './validation';

// Products, prices and customers, as the site makes them up front: the parameters of their
// create, update and list endpoints, checked as Stripe checks them. Parameters that would change
// what a member pays or how (tax, tiers, other currencies, metering) are refused as not acted out.

type MetadataChanges = Record<string, string | null> | null | undefined;

/** Refuses every parameter but those the fake acts out for this endpoint. */
function refuseOthers(params: Params, simulated: ReadonlySet<string>): void {
  for (const key of Object.keys(params)) {
    if (!simulated.has(key)) refuseUnsimulated(key);
  }
}

const paging = ['ending_before', 'expand', 'limit', 'starting_after'];

/** A string an update may unset with an empty value. */
function readUnsettable(
  value: Params[string] | undefined,
  name: string,
  maxLength?: number,
): string | null | undefined {
  if (value === '') return null;
  return readText(value, name, maxLength);
}

/**
 * Sets each given field whose value differs, merges metadata changes, and returns the previous
 * values of what changed, for the event's `previous_attributes`.
 */
export function applyChanges<T extends { metadata: Stripe.Metadata }>(
  object: T,
  fields: { [K in keyof T]?: T[K] },
  metadata: MetadataChanges,
): Partial<T> {
  const previous: Partial<T> = {};
  for (const key of Object.keys(fields) as Array<keyof T>) {
    const value = fields[key];
    if (value === undefined || value === object[key]) continue;
    previous[key] = object[key];
    object[key] = value;
  }
  if (metadata !== undefined) {
    const next = changedMetadata(object.metadata, metadata);
    if (JSON.stringify(next) !== JSON.stringify(object.metadata)) {
      previous.metadata = object.metadata;
      object.metadata = next as T['metadata'];
    }
  }
  return previous;
}

// Products

const productCreateParams = knownParams<Stripe.ProductCreateParams>()([
  'active',
  'default_price_data',
  'description',
  'expand',
  'id',
  'images',
  'marketing_features',
  'metadata',
  'name',
  'package_dimensions',
  'shippable',
  'statement_descriptor',
  'tax_code',
  'tax_details',
  'type',
  'unit_label',
  'url',
]);
const productUpdateParams = knownParams<Stripe.ProductUpdateParams>()([
  'active',
  'default_price',
  'description',
  'expand',
  'images',
  'marketing_features',
  'metadata',
  'name',
  'package_dimensions',
  'shippable',
  'statement_descriptor',
  'tax_code',
  'tax_details',
  'unit_label',
  'url',
]);
const productListParams = knownParams<Stripe.ProductListParams>()([
  'active',
  'created',
  'ending_before',
  'expand',
  'ids',
  'limit',
  'shippable',
  'starting_after',
  'type',
  'url',
]);
const simulatedProductFields = ['active', 'description', 'expand', 'metadata', 'name'];

export function validateProductCreate(params: Params): { spec: ProductSpec; expand: string[] } {
  rejectUnknown(params, productCreateParams);
  refuseOthers(params, new Set(simulatedProductFields));
  return {
    spec: {
      name: required(readText(params.name, 'name', 250), 'name'),
      description: readText(params.description, 'description', 40_000) ?? null,
      images: [],
      metadata: readMetadata(params.metadata, 'metadata') ?? {},
      unitLabel: null,
      active: readBoolean(params.active, 'active') ?? true,
    },
    expand: readExpand(params),
  };
}

export interface ProductUpdateInput {
  fields: { name?: string; description?: string | null; active?: boolean };
  metadata: MetadataChanges;
  expand: string[];
}

export function validateProductUpdate(params: Params): ProductUpdateInput {
  rejectUnknown(params, productUpdateParams);
  refuseOthers(params, new Set(simulatedProductFields));
  return {
    fields: {
      name: readText(params.name, 'name', 250),
      description: readUnsettable(params.description, 'description', 40_000),
      active: readBoolean(params.active, 'active'),
    },
    metadata: readMetadataChanges(params.metadata, 'metadata'),
    expand: readExpand(params),
  };
}

export interface ProductFilter extends ListParams {
  active: boolean | undefined;
  ids: string[] | undefined;
  type: 'good' | 'service' | undefined;
}

export function validateProductList(params: Params): ProductFilter {
  rejectUnknown(params, productListParams);
  refuseOthers(params, new Set([...paging, 'active', 'ids', 'type']));
  const paged = readListParams(params);
  const ids = readArray(params.ids, 'ids')?.map(
    (entry, index) => readText(entry, `ids[${index}]`) ?? '',
  );
  if (ids !== undefined && (paged.startingAfter ?? paged.endingBefore) !== undefined) {
    throw invalidRequest('You cannot use `ids` with `starting_after` or `ending_before`.', {
      param: 'ids',
    });
  }
  return {
    ...paged,
    active: readBoolean(params.active, 'active'),
    ids,
    type: readEnum(params.type, 'type', ['good', 'service']),
  };
}

// Prices

const priceCreateParams = knownParams<Stripe.PriceCreateParams>()([
  'active',
  'billing_scheme',
  'currency',
  'currency_options',
  'custom_unit_amount',
  'expand',
  'lookup_key',
  'metadata',
  'nickname',
  'product',
  'product_data',
  'recurring',
  'tax_behavior',
  'tiers',
  'tiers_mode',
  'transfer_lookup_key',
  'transform_quantity',
  'unit_amount',
  'unit_amount_decimal',
]);
const priceRecurringParams = knownParams<Stripe.PriceCreateParams.Recurring>()([
  'interval',
  'interval_count',
  'meter',
  'trial_period_days',
  'usage_type',
]);
const priceUpdateParams = knownParams<Stripe.PriceUpdateParams>()([
  'active',
  'currency_options',
  'expand',
  'lookup_key',
  'metadata',
  'nickname',
  'tax_behavior',
  'transfer_lookup_key',
]);
const priceListParams = knownParams<Stripe.PriceListParams>()([
  'active',
  'created',
  'currency',
  'ending_before',
  'expand',
  'limit',
  'lookup_keys',
  'product',
  'recurring',
  'starting_after',
  'type',
]);

export interface PriceCreateInput {
  spec: NewPrice;
  productId: string;
  details: PriceDetails;
  /** Take the lookup key from the price that has it, rather than be refused. */
  transferLookupKey: boolean;
  expand: string[];
}

export function validatePriceCreate(params: Params, lookups: Lookups): PriceCreateInput {
  rejectUnknown(params, priceCreateParams);
  refuseOthers(
    params,
    new Set([
      'active',
      'billing_scheme',
      'currency',
      'expand',
      'lookup_key',
      'metadata',
      'nickname',
      'product',
      'recurring',
      'transfer_lookup_key',
      'unit_amount',
      'unit_amount_decimal',
    ]),
  );
  if (readEnum(params.billing_scheme, 'billing_scheme', ['per_unit', 'tiered']) === 'tiered') {
    refuseUnsimulated('billing_scheme', '`billing_scheme=tiered`');
  }
  const currency = required(readText(params.currency, 'currency'), 'currency').toLowerCase();
  checkCurrency(currency, 'currency');
  const productId = required(readText(params.product, 'product'), 'product');
  if (!lookups.product(productId)) throw noSuch('product', productId, 'product', 400);
  const amount = readUnitAmount(params, '');
  const recurringData = readObject(params.recurring, 'recurring');
  return {
    spec: {
      currency,
      ...amount,
      recurring: recurringData === undefined ? null : readPriceRecurring(recurringData),
      taxBehavior: null,
      product: { id: productId },
    },
    productId,
    details: {
      active: readBoolean(params.active, 'active') ?? true,
      lookupKey: readText(params.lookup_key, 'lookup_key', 200) ?? null,
      metadata: readMetadata(params.metadata, 'metadata') ?? {},
      nickname: readText(params.nickname, 'nickname') ?? null,
    },
    transferLookupKey: readBoolean(params.transfer_lookup_key, 'transfer_lookup_key') ?? false,
    expand: readExpand(params),
  };
}

function readPriceRecurring(data: Params): NonNullable<NewPrice['recurring']> {
  for (const key of ['meter', 'trial_period_days']) {
    // A price's own trial is the legacy way; Checkout's subscription_data[trial_period_days] is acted out.
    if (data[key] !== undefined) refuseUnsimulated(paramName('recurring', key));
  }
  const usage = readEnum(data.usage_type, 'recurring[usage_type]', ['licensed', 'metered']);
  if (usage === 'metered') {
    refuseUnsimulated('recurring[usage_type]', '`recurring[usage_type]=metered`');
  }
  return readRecurring(data, 'recurring', priceRecurringParams);
}

export interface PriceUpdateInput {
  fields: { active?: boolean; lookup_key?: string | null; nickname?: string | null };
  metadata: MetadataChanges;
  transferLookupKey: boolean;
  expand: string[];
}

/**
 * `POST /v1/prices/<id>`. A price's amount, currency and interval never change: Stripe knows no
 * such parameters here (so they are refused as unknown), and a new price is made instead.
 */
export function validatePriceUpdate(params: Params): PriceUpdateInput {
  rejectUnknown(params, priceUpdateParams);
  refuseOthers(
    params,
    new Set(['active', 'expand', 'lookup_key', 'metadata', 'nickname', 'transfer_lookup_key']),
  );
  return {
    fields: {
      active: readBoolean(params.active, 'active'),
      lookup_key: readUnsettable(params.lookup_key, 'lookup_key', 200),
      nickname: readUnsettable(params.nickname, 'nickname'),
    },
    metadata: readMetadataChanges(params.metadata, 'metadata'),
    transferLookupKey: readBoolean(params.transfer_lookup_key, 'transfer_lookup_key') ?? false,
    expand: readExpand(params),
  };
}

export interface PriceFilter extends ListParams {
  active: boolean | undefined;
  currency: string | undefined;
  lookupKeys: string[] | undefined;
  product: string | undefined;
  type: 'one_time' | 'recurring' | undefined;
  interval: Interval | undefined;
}

export function validatePriceList(params: Params): PriceFilter {
  rejectUnknown(params, priceListParams);
  refuseOthers(
    params,
    new Set([...paging, 'active', 'currency', 'lookup_keys', 'product', 'recurring', 'type']),
  );
  const recurring = readObject(params.recurring, 'recurring');
  if (recurring !== undefined) {
    rejectUnknown(recurring, new Set(['interval', 'meter', 'usage_type']), 'recurring');
    refuseOthers(recurring, new Set(['interval']));
  }
  const lookupKeys = readArray(params.lookup_keys, 'lookup_keys')?.map(
    (entry, index) => readText(entry, `lookup_keys[${index}]`, 200) ?? '',
  );
  if (lookupKeys !== undefined && lookupKeys.length > 10) {
    throw invalidRequest('You can pass at most 10 lookup keys.', { param: 'lookup_keys' });
  }
  return {
    ...readListParams(params),
    active: readBoolean(params.active, 'active'),
    currency: readString(params.currency, 'currency')?.toLowerCase(),
    lookupKeys,
    product: readText(params.product, 'product'),
    type: readEnum(params.type, 'type', ['one_time', 'recurring']),
    interval: readEnum(recurring?.interval, 'recurring[interval]', [
      'day',
      'month',
      'week',
      'year',
    ]),
  };
}

// Customers

const customerCreateParams = knownParams<Stripe.CustomerCreateParams>()([
  'address',
  'balance',
  'business_name',
  'cash_balance',
  'description',
  'email',
  'expand',
  'individual_name',
  'invoice_prefix',
  'invoice_settings',
  'metadata',
  'name',
  'next_invoice_sequence',
  'payment_method',
  'phone',
  'preferred_locales',
  'shipping',
  'source',
  'tax',
  'tax_exempt',
  'tax_id_data',
  'test_clock',
  'validate',
]);
const customerUpdateParams = knownParams<Stripe.CustomerUpdateParams>()([
  'address',
  'balance',
  'business_name',
  'cash_balance',
  'default_source',
  'description',
  'email',
  'expand',
  'individual_name',
  'invoice_prefix',
  'invoice_settings',
  'metadata',
  'name',
  'next_invoice_sequence',
  'phone',
  'preferred_locales',
  'shipping',
  'source',
  'tax',
  'tax_exempt',
  'validate',
]);
const customerListParams = knownParams<Stripe.CustomerListParams>()([
  'created',
  'email',
  'ending_before',
  'expand',
  'limit',
  'starting_after',
  'test_clock',
]);
const simulatedCustomerFields = new Set(['description', 'email', 'expand', 'metadata', 'name']);

export interface CustomerCreateInput {
  email: string | null;
  name: string | null;
  description: string | null;
  metadata: Record<string, string>;
  expand: string[];
}

export function validateCustomerCreate(params: Params): CustomerCreateInput {
  rejectUnknown(params, customerCreateParams);
  refuseOthers(params, simulatedCustomerFields);
  return {
    email: readEmail(params.email, 'email', 512) ?? null,
    name: readText(params.name, 'name', 256) ?? null,
    description: readText(params.description, 'description', 350) ?? null,
    metadata: readMetadata(params.metadata, 'metadata') ?? {},
    expand: readExpand(params),
  };
}

export interface CustomerUpdateInput {
  fields: { email?: string | null; name?: string | null; description?: string | null };
  metadata: MetadataChanges;
  expand: string[];
}

/** `POST /v1/customers/<id>`; an empty value unsets the e-mail address, name or description. */
export function validateCustomerUpdate(params: Params): CustomerUpdateInput {
  rejectUnknown(params, customerUpdateParams);
  refuseOthers(params, simulatedCustomerFields);
  return {
    fields: {
      email: params.email === '' ? null : readEmail(params.email, 'email', 512),
      name: readUnsettable(params.name, 'name', 256),
      description: readUnsettable(params.description, 'description', 350),
    },
    metadata: readMetadataChanges(params.metadata, 'metadata'),
    expand: readExpand(params),
  };
}

export function validateCustomerList(params: Params): ListParams & { email: string | undefined } {
  rejectUnknown(params, customerListParams);
  refuseOthers(params, new Set([...paging, 'email']));
  return { ...readListParams(params), email: readText(params.email, 'email', 512) };
}
