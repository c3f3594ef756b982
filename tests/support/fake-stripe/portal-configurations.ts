import type Stripe from 'stripe';
import { missingParam } from './errors';
import type { Params } from './form-body';
import { newId } from './ids';
import {
  changedMetadata,
  knownParams,
  paramName,
  readBoolean,
  readEnum,
  readExpand,
  readListParams,
  readMetadata,
  readMetadataChanges,
  readObject,
  readString,
  readUrl,
  refuseUnsimulated,
  rejectUnknown,
  type ListParams,
} from './params';

type Configuration = Stripe.BillingPortal.Configuration;
type CancelReason =
  Stripe.BillingPortal.Configuration.Features.SubscriptionCancel.CancellationReason.Option;

// The customer portal's settings. The fake portal acts out one feature, cancelling a
// subscription; the others are off, and turning them on is refused rather than ignored.

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
function featuresOff(): Stripe.BillingPortal.Configuration.Features {
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
  const cancel = configuration.features.subscription_cancel;
  const nextCancel = {
    ...cancel,
    enabled: input.cancel?.enabled ?? cancel.enabled,
    mode: input.cancel?.mode ?? cancel.mode,
  };
  if (nextCancel.enabled !== cancel.enabled || nextCancel.mode !== cancel.mode) {
    previous.features = structuredClone(configuration.features);
    configuration.features.subscription_cancel = nextCancel;
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

function readCancelFeature(features: Params, creating: boolean): ConfigurationInput['cancel'] {
  rejectUnknown(features, featureParams, 'features');
  for (const key of Object.keys(features)) {
    if (key !== 'subscription_cancel') refuseUnsimulated(paramName('features', key));
  }
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

function readCommon(params: Params): Omit<ConfigurationInput, 'cancel' | 'active' | 'metadata'> {
  for (const key of ['business_profile', 'login_page']) {
    if (params[key] !== undefined) refuseUnsimulated(key);
  }
  const returnUrl = params.default_return_url;
  const name = readString(params.name, 'name');
  return {
    defaultReturnUrl: returnUrl === '' ? null : readUrl(returnUrl, 'default_return_url'),
    name: name === '' ? null : name,
    expand: readExpand(params),
  };
}

/** `POST /v1/billing_portal/configurations` */
export function validateConfigurationCreate(params: Params): ConfigurationInput {
  rejectUnknown(params, createParams);
  const features = readObject(params.features, 'features');
  if (features === undefined) throw missingParam('features');
  return {
    ...readCommon(params),
    cancel: readCancelFeature(features, true),
    active: undefined,
    metadata: readMetadata(params.metadata, 'metadata'),
  };
}

/** `POST /v1/billing_portal/configurations/<id>` */
export function validateConfigurationUpdate(params: Params): ConfigurationInput {
  rejectUnknown(params, updateParams);
  const features = readObject(params.features, 'features');
  return {
    ...readCommon(params),
    cancel: features === undefined ? undefined : readCancelFeature(features, false),
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
