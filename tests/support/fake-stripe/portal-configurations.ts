import type Stripe from 'stripe';
import { invalidRequest, missingParam, noSuch } from './errors';
import type { Params } from './form-body';
import { newId } from './ids';
import {
  changedMetadata,
  knownParams,
  paramName,
  readArray,
  readBoolean,
  readEnum,
  readExpand,
  readListParams,
  readMetadata,
  readMetadataChanges,
  readObject,
  readString,
  readText,
  readUrl,
  refuseUnsimulated,
  rejectUnknown,
  required,
  type ListParams,
} from './params';
import { prorationBehaviors, type Lookups } from './validation';

type Configuration = Stripe.BillingPortal.Configuration;
type Features = Stripe.BillingPortal.Configuration.Features;
type UpdateFeature = Stripe.BillingPortal.Configuration.Features.SubscriptionUpdate;
type UpdateProduct = Stripe.BillingPortal.Configuration.Features.SubscriptionUpdate.Product;
type UpdateFeatureParams =
  Stripe.BillingPortal.ConfigurationCreateParams.Features.SubscriptionUpdate;
type CancelReason =
  Stripe.BillingPortal.Configuration.Features.SubscriptionCancel.CancellationReason.Option;

// The customer portal's settings. The fake portal acts out cancelling a subscription, moving it to
// another of the configured prices, the invoice history, the business profile's headline and
// links, and (as a line of text) updating the card; the other features are off, and turning them
// on is refused rather than ignored.

const cancellationReasons: CancelReason[] = [
  'too_expensive',
  'missing_features',
  'switched_service',
  'unused',
  'customer_service',
  'too_complex',
  'low_quality',
  'other',
];

/** The features of a configuration made without them: everything off, as Stripe makes it. */
function featuresOff(): Features {
  return {
    customer_update: { allowed_updates: [], enabled: false },
    invoice_history: { enabled: false },
    payment_method_update: { enabled: false, payment_method_configuration: null },
    subscription_cancel: {
      cancellation_reason: { enabled: false, feedback_options: null, options: cancellationReasons },
      enabled: false,
      mode: 'at_period_end',
      proration_behavior: 'none',
    },
    subscription_pause: { duration: { interval_options: [], type: 'indefinite' }, enabled: false },
    subscription_update: {
      billing_cycle_anchor: null,
      default_allowed_updates: [],
      enabled: false,
      products: [],
      proration_behavior: 'none',
      schedule_at_period_end: { conditions: [] },
      trial_update_behavior: 'end_trial',
    },
  };
}

export function buildPortalConfiguration(args: {
  isDefault: boolean;
  input?: ConfigurationInput;
  now: number;
}): Configuration {
  const configuration: Configuration = {
    id: newId('bpc_'),
    object: 'billing_portal.configuration',
    active: true,
    application: null,
    business_profile: { headline: null, privacy_policy_url: null, terms_of_service_url: null },
    created: args.now,
    default_return_url: null,
    features: featuresOff(),
    is_default: args.isDefault,
    livemode: false,
    login_page: { enabled: false, url: null },
    metadata: {},
    name: null,
    updated: args.now,
  };
  // Stripe's own default lets customers cancel, at the end of the period they have paid for.
  if (args.isDefault) configuration.features.subscription_cancel.enabled = true;
  if (args.input) applyConfigurationInput(configuration, args.input, args.now);
  return configuration;
}

export interface ConfigurationInput {
  cancel: { enabled?: boolean; mode?: 'at_period_end' | 'immediately' } | undefined;
  /** The whole subscription_update feature as it will be, already merged with the current one. */
  update: UpdateFeature | undefined;
  /** Features that are only on or off here. */
  toggles: Partial<Record<Toggle, boolean>>;
  /** Fields to change: a string, or null to unset it. */
  businessProfile: Partial<Configuration['business_profile']> | undefined;
  active: boolean | undefined;
  defaultReturnUrl: string | null | undefined;
  metadata: Record<string, string | null> | null | undefined;
  name: string | null | undefined;
  expand: string[];
}

/**
 * Changes a configuration as an update (or a creation) asks, and returns the previous values of
 * what changed, for the event's `previous_attributes`.
 */
export function applyConfigurationInput(
  configuration: Configuration,
  input: ConfigurationInput,
  now: number,
): Partial<Configuration> {
  const previous: Partial<Configuration> = {};
  const features = structuredClone(configuration.features);
  const cancel = features.subscription_cancel;
  cancel.enabled = input.cancel?.enabled ?? cancel.enabled;
  cancel.mode = input.cancel?.mode ?? cancel.mode;
  if (input.update) features.subscription_update = input.update;
  for (const [toggle, enabled] of Object.entries(input.toggles)) {
    features[toggle as Toggle].enabled = enabled;
  }
  if (JSON.stringify(features) !== JSON.stringify(configuration.features)) {
    previous.features = configuration.features;
    configuration.features = features;
  }
  const profile = { ...configuration.business_profile, ...input.businessProfile };
  if (JSON.stringify(profile) !== JSON.stringify(configuration.business_profile)) {
    previous.business_profile = configuration.business_profile;
    configuration.business_profile = profile;
  }
  if (input.active !== undefined && input.active !== configuration.active) {
    previous.active = configuration.active;
    configuration.active = input.active;
  }
  if (
    input.defaultReturnUrl !== undefined &&
    input.defaultReturnUrl !== configuration.default_return_url
  ) {
    previous.default_return_url = configuration.default_return_url;
    configuration.default_return_url = input.defaultReturnUrl;
  }
  if (input.metadata !== undefined) {
    const metadata = changedMetadata(configuration.metadata ?? {}, input.metadata);
    if (JSON.stringify(metadata) !== JSON.stringify(configuration.metadata)) {
      previous.metadata = configuration.metadata;
      configuration.metadata = metadata;
    }
  }
  if (input.name !== undefined && input.name !== configuration.name) {
    previous.name = configuration.name;
    configuration.name = input.name;
  }
  if (Object.keys(previous).length > 0) configuration.updated = now;
  return previous;
}

const createParams = knownParams<Stripe.BillingPortal.ConfigurationCreateParams>()([
  'business_profile',
  'default_return_url',
  'expand',
  'features',
  'login_page',
  'metadata',
  'name',
]);

const updateParams = knownParams<Stripe.BillingPortal.ConfigurationUpdateParams>()([
  'active',
  'business_profile',
  'default_return_url',
  'expand',
  'features',
  'login_page',
  'metadata',
  'name',
]);

const featureParams = knownParams<Stripe.BillingPortal.ConfigurationCreateParams.Features>()([
  'customer_update',
  'invoice_history',
  'payment_method_update',
  'subscription_cancel',
  'subscription_pause',
  'subscription_update',
]);

const cancelParams =
  knownParams<Stripe.BillingPortal.ConfigurationCreateParams.Features.SubscriptionCancel>()([
    'cancellation_reason',
    'enabled',
    'mode',
    'proration_behavior',
  ]);

type Toggle = 'invoice_history' | 'payment_method_update';
const toggles: readonly Toggle[] = ['invoice_history', 'payment_method_update'];

const actedOut = new Set<string>([...toggles, 'subscription_cancel', 'subscription_update']);

function readFeatures(
  features: Params,
  creating: boolean,
  lookups: Lookups,
  current: Features,
): Pick<ConfigurationInput, 'cancel' | 'update' | 'toggles'> {
  rejectUnknown(features, featureParams, 'features');
  for (const key of Object.keys(features)) {
    if (!actedOut.has(key)) refuseUnsimulated(paramName('features', key));
  }
  return {
    cancel: readCancelFeature(features, creating),
    update: readUpdateFeature(features, creating, lookups, current.subscription_update),
    toggles: readToggles(features),
  };
}

function readCancelFeature(features: Params, creating: boolean): ConfigurationInput['cancel'] {
  const name = 'features[subscription_cancel]';
  const cancel = readObject(features.subscription_cancel, name);
  if (cancel === undefined) return undefined;
  rejectUnknown(cancel, cancelParams, name);
  if (cancel.cancellation_reason !== undefined) {
    refuseUnsimulated(`${name}[cancellation_reason]`);
  }
  const enabled = readBoolean(cancel.enabled, `${name}[enabled]`);
  if (creating && enabled === undefined) throw missingParam(`${name}[enabled]`);
  const proration = readEnum(cancel.proration_behavior, `${name}[proration_behavior]`, [
    'always_invoice',
    'create_prorations',
    'none',
  ]);
  // Prorating an immediate cancellation would credit the unused time; the fake makes no credits.
  if (proration !== undefined && proration !== 'none') {
    refuseUnsimulated(`${name}[proration_behavior]=${proration}`);
  }
  return {
    enabled,
    mode: readEnum(cancel.mode, `${name}[mode]`, ['at_period_end', 'immediately']),
  };
}

const updateFeatureParams = knownParams<UpdateFeatureParams>()([
  'billing_cycle_anchor',
  'default_allowed_updates',
  'enabled',
  'products',
  'proration_behavior',
  'schedule_at_period_end',
  'trial_update_behavior',
]);

const updateProductParams =
  knownParams<Stripe.BillingPortal.ConfigurationCreateParams.Features.SubscriptionUpdate.Product>()(
    ['adjustable_quantity', 'prices', 'product'],
  );

/**
 * `features[subscription_update]`, merged with the configuration's current setting and checked
 * as a whole: once enabled, the portal needs something to allow and products to offer.
 */
function readUpdateFeature(
  features: Params,
  creating: boolean,
  lookups: Lookups,
  current: UpdateFeature,
): UpdateFeature | undefined {
  const name = 'features[subscription_update]';
  const update = readObject(features.subscription_update, name);
  if (update === undefined) return undefined;
  rejectUnknown(update, updateFeatureParams, name);
  for (const key of ['billing_cycle_anchor', 'schedule_at_period_end']) {
    if (update[key] !== undefined) refuseUnsimulated(paramName(name, key));
  }
  const enabled = readBoolean(update.enabled, `${name}[enabled]`);
  if (creating && enabled === undefined) throw missingParam(`${name}[enabled]`);
  const allowedName = `${name}[default_allowed_updates]`;
  const allowed = readArray(update.default_allowed_updates, allowedName)?.map((entry, index) => {
    const entryName = `${allowedName}[${index}]`;
    const value = readEnum(entry, entryName, ['price', 'promotion_code', 'quantity']);
    if (value !== 'price') refuseUnsimulated(entryName, `\`${value}\` in \`${allowedName}\``);
    return 'price';
  });
  const productsName = `${name}[products]`;
  const products = readArray(update.products, productsName)?.map((entry, index) =>
    readUpdateProduct(entry, `${productsName}[${index}]`, lookups),
  );
  if (products && products.length > 10) {
    throw invalidRequest('The customer portal can offer at most 10 products.', {
      param: productsName,
    });
  }
  const next: UpdateFeature = {
    ...current,
    enabled: enabled ?? current.enabled,
    default_allowed_updates: allowed ?? current.default_allowed_updates,
    products: products ?? current.products,
    proration_behavior:
      readEnum(update.proration_behavior, `${name}[proration_behavior]`, prorationBehaviors) ??
      current.proration_behavior,
    trial_update_behavior:
      readEnum(update.trial_update_behavior, `${name}[trial_update_behavior]`, [
        'continue_trial',
        'end_trial',
      ]) ?? current.trial_update_behavior,
  };
  if (next.enabled && next.default_allowed_updates.length === 0) {
    throw invalidRequest(
      `\`${allowedName}\` must list at least one update when subscription updates are enabled.`,
      { param: allowedName },
    );
  }
  if (next.enabled && (next.products ?? []).length === 0) {
    throw invalidRequest(
      `\`${productsName}\` must list at least one product when subscription updates are enabled.`,
      { param: productsName },
    );
  }
  return next;
}

/** One product the portal offers, with the prices a subscription may move to: its own, recurring and active. */
function readUpdateProduct(entry: Params[string], name: string, lookups: Lookups): UpdateProduct {
  const data = readObject(entry, name);
  if (data === undefined) throw missingParam(`${name}[product]`);
  rejectUnknown(data, updateProductParams, name);
  if (data.adjustable_quantity !== undefined) refuseUnsimulated(`${name}[adjustable_quantity]`);
  const product = required(readText(data.product, `${name}[product]`), `${name}[product]`);
  if (!lookups.product(product)) throw noSuch('product', product, `${name}[product]`, 400);
  const ids = readArray(data.prices, `${name}[prices]`) ?? [];
  if (ids.length === 0) throw missingParam(`${name}[prices]`);
  const prices = ids.map((value, index) => {
    const param = `${name}[prices][${index}]`;
    const id = required(readText(value, param), param);
    const price = lookups.price(id);
    if (!price) throw noSuch('price', id, param, 400);
    const owner = typeof price.product === 'string' ? price.product : price.product.id;
    if (owner !== product) {
      throw invalidRequest(`The price \`${id}\` does not belong to the product \`${product}\`.`, {
        param,
      });
    }
    if (!price.recurring) {
      throw invalidRequest(
        `The price \`${id}\` is not a recurring price. The portal only offers recurring prices.`,
        { param },
      );
    }
    if (!price.active) {
      throw invalidRequest(
        `The price \`${id}\` is inactive. The portal only offers active prices.`,
        {
          param,
        },
      );
    }
    return id;
  });
  return { adjustable_quantity: { enabled: false, maximum: null, minimum: 1 }, prices, product };
}

const paymentMethodUpdateParams =
  knownParams<Stripe.BillingPortal.ConfigurationCreateParams.Features.PaymentMethodUpdate>()([
    'enabled',
    'payment_method_configuration',
  ]);

/** `features[invoice_history]` and `features[payment_method_update]`: each needs `enabled`. */
function readToggles(features: Params): ConfigurationInput['toggles'] {
  const read: ConfigurationInput['toggles'] = {};
  for (const toggle of toggles) {
    const name = `features[${toggle}]`;
    const feature = readObject(features[toggle], name);
    if (feature === undefined) continue;
    rejectUnknown(
      feature,
      toggle === 'invoice_history' ? new Set(['enabled']) : paymentMethodUpdateParams,
      name,
    );
    if (feature.payment_method_configuration !== undefined) {
      refuseUnsimulated(`${name}[payment_method_configuration]`);
    }
    read[toggle] = required(readBoolean(feature.enabled, `${name}[enabled]`), `${name}[enabled]`);
  }
  return read;
}

const businessProfileParams =
  knownParams<Stripe.BillingPortal.ConfigurationUpdateParams.BusinessProfile>()([
    'headline',
    'privacy_policy_url',
    'terms_of_service_url',
  ]);

/** The portal's headline and links; an empty value unsets one. */
function readBusinessProfile(params: Params): ConfigurationInput['businessProfile'] {
  const profile = readObject(params.business_profile, 'business_profile');
  if (profile === undefined) return undefined;
  rejectUnknown(profile, businessProfileParams, 'business_profile');
  const read: ConfigurationInput['businessProfile'] = {};
  const headline = profile.headline;
  if (headline !== undefined) {
    read.headline =
      headline === '' ? null : (readText(headline, 'business_profile[headline]', 60) ?? null);
  }
  for (const key of ['privacy_policy_url', 'terms_of_service_url'] as const) {
    const url = profile[key];
    if (url !== undefined) {
      read[key] = url === '' ? null : (readUrl(url, `business_profile[${key}]`) ?? null);
    }
  }
  return read;
}

function readCommon(
  params: Params,
): Omit<ConfigurationInput, 'cancel' | 'update' | 'toggles' | 'active' | 'metadata'> {
  if (params.login_page !== undefined) refuseUnsimulated('login_page');
  const returnUrl = params.default_return_url;
  const name = readString(params.name, 'name');
  return {
    businessProfile: readBusinessProfile(params),
    defaultReturnUrl: returnUrl === '' ? null : readUrl(returnUrl, 'default_return_url'),
    name: name === '' ? null : name,
    expand: readExpand(params),
  };
}

/** `POST /v1/billing_portal/configurations` */
export function validateConfigurationCreate(params: Params, lookups: Lookups): ConfigurationInput {
  rejectUnknown(params, createParams);
  const features = readObject(params.features, 'features');
  if (features === undefined) throw missingParam('features');
  return {
    ...readCommon(params),
    ...readFeatures(features, true, lookups, featuresOff()),
    active: undefined,
    metadata: readMetadata(params.metadata, 'metadata'),
  };
}

/** `POST /v1/billing_portal/configurations/<id>` */
export function validateConfigurationUpdate(
  params: Params,
  lookups: Lookups,
  configuration: Configuration,
): ConfigurationInput {
  rejectUnknown(params, updateParams);
  const features = readObject(params.features, 'features');
  const changes =
    features === undefined
      ? { cancel: undefined, update: undefined, toggles: {} }
      : readFeatures(features, false, lookups, configuration.features);
  return {
    ...readCommon(params),
    ...changes,
    active: readBoolean(params.active, 'active'),
    metadata: readMetadataChanges(params.metadata, 'metadata'),
  };
}

const listParams = knownParams<Stripe.BillingPortal.ConfigurationListParams>()([
  'active',
  'ending_before',
  'expand',
  'is_default',
  'limit',
  'starting_after',
]);

export interface ConfigurationFilter extends ListParams {
  active: boolean | undefined;
  isDefault: boolean | undefined;
}

/** `GET /v1/billing_portal/configurations` */
export function validateConfigurationList(params: Params): ConfigurationFilter {
  rejectUnknown(params, listParams);
  return {
    ...readListParams(params),
    active: readBoolean(params.active, 'active'),
    isDefault: readBoolean(params.is_default, 'is_default'),
  };
}
