import Stripe from 'stripe';
import { newId } from './ids';

export type EventType = Stripe.Event['type'];
export type EventOf<T extends EventType> = Extract<Stripe.Event, { type: T }>;
export type EventObject<T extends EventType> = EventOf<T>['data']['object'];
export type PreviousAttributes<T extends EventType> = NonNullable<
  EventOf<T>['data']['previous_attributes']
>;

/** The API request that caused an event, or nulls for what Stripe did on its own. */
export interface EventRequest {
  id: string | null;
  idempotency_key: string | null;
}

export const automatic: EventRequest = { id: null, idempotency_key: null };

/**
 * An object as a webhook receiver sees it: a deep copy in its JSON form, so later changes to the
 * fake's records do not reach events already made (and decimals are strings, as on the wire).
 */
export function wireCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function makeEvent<T extends EventType>(
  type: T,
  object: EventObject<T>,
  options: { created: number; previous?: PreviousAttributes<T>; request?: EventRequest },
): EventOf<T> {
  const data: { object: EventObject<T>; previous_attributes?: PreviousAttributes<T> } = {
    object: wireCopy(object),
  };
  if (options.previous !== undefined) data.previous_attributes = wireCopy(options.previous);
  const event = {
    id: newId('evt_'),
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: options.created,
    data,
    livemode: false,
    pending_webhooks: 1,
    request: options.request ?? automatic,
    type,
  } satisfies Stripe.EventBase;
  // tsc cannot narrow the union by a generic `type`; the signature ties the object to the type.
  return event as unknown as EventOf<T>;
}
