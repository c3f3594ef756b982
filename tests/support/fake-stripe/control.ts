import type Stripe from 'stripe';
import { StripeApiError } from './errors';
import type { Mode } from './server';
import { failInvoicePayment, markUnpaid, payInvoice } from './dunning';
import {
  cancelSubscription,
  completeCheckout,
  disputeCharge,
  expireCheckout,
  refundCharge,
  renewSubscription,
  settleAsyncPayment,
} from './scenarios';
import type { FakeState } from './state';
import type { DeliverySchedule } from './delivery-queue';
import type { Delivery } from './webhooks';

// Test-control endpoints, so a test in another process (a browser test, say) can act out what
// would happen on Stripe's side. They need no key: the fake only listens on the loopback address.

export interface ControlContext {
  state: FakeState;
  /** Queues events as Stripe sends them: later, each on its own, retried on failure. */
  send(events: Stripe.Event[]): void;
  /** Sends events at once, in order, once each, and returns the statuses. */
  deliverNow(events: Stripe.Event[]): Promise<number[]>;
  /** Resolves once no delivery is pending. */
  idle(): Promise<void>;
  deliveries(): { pending: number; deliveries: Delivery[] };
  schedule(): DeliverySchedule;
  /** Changes the schedule of deliveries queued from now on; throws RangeError on a bad one. */
  setSchedule(changes: Partial<DeliverySchedule>): DeliverySchedule;
  setMode(mode: Mode): void;
}

export interface ControlAnswer {
  status: number;
  body: unknown;
}

type Body = Record<string, unknown>;

const flag = (body: Body, key: string) => body[key] === true;

export async function handleControl(
  context: ControlContext,
  method: string,
  path: string,
  body: Body,
): Promise<ControlAnswer> {
  const { state } = context;
  try {
    if (method === 'GET' && path === '/__control/sessions') {
      return { status: 200, body: { sessions: [...state.sessions.values()] } };
    }
    if (method === 'GET' && path === '/__control/deliveries') {
      return { status: 200, body: context.deliveries() };
    }
    if (method === 'GET' && path === '/__control/delivery-schedule') {
      return { status: 200, body: { schedule: context.schedule() } };
    }
    if (method === 'GET' && path === '/__control/idle') {
      await context.idle();
      return { status: 200, body: context.deliveries() };
    }
    if (method !== 'POST') return notFound(method, path);
    if (path === '/__control/mode') {
      const mode = body.mode;
      if (mode !== 'ok' && mode !== 'error' && mode !== 'down') {
        return { status: 400, body: { error: { message: 'mode must be ok, error or down' } } };
      }
      context.setMode(mode);
      return { status: 200, body: { mode } };
    }
    if (path === '/__control/delivery-schedule') return changeSchedule(context, body);
    const delivery = body.delivery ?? 'async';
    if (delivery !== 'async' && delivery !== 'sync') {
      return { status: 400, body: { error: { message: 'delivery must be async or sync' } } };
    }
    const events = drive(state, path, body);
    if (!events) return notFound(method, path);
    const made = {
      events: events.map((event) => event.type),
      eventIds: events.map((event) => event.id),
    };
    if (delivery === 'sync') {
      return {
        status: 200,
        body: { ...made, delivery, statuses: await context.deliverNow(events) },
      };
    }
    context.send(events);
    return { status: 200, body: { ...made, delivery } };
  } catch (error) {
    if (error instanceof StripeApiError) {
      return { status: error.status, body: { error: { message: error.message } } };
    }
    throw error;
  }
}

function changeSchedule(context: ControlContext, body: Body): ControlAnswer {
  const changes: Partial<DeliverySchedule> = {};
  const { jitterMs, retryDelaysMs, timeoutMs } = body;
  const isNumber = (value: unknown): value is number => typeof value === 'number';
  if (jitterMs !== undefined) {
    const bounds = jitterMs as { min?: unknown; max?: unknown } | null;
    if (!bounds || !isNumber(bounds.min) || !isNumber(bounds.max)) return badSchedule();
    changes.jitterMs = { min: bounds.min, max: bounds.max };
  }
  if (retryDelaysMs !== undefined) {
    if (!Array.isArray(retryDelaysMs) || !retryDelaysMs.every(isNumber)) return badSchedule();
    changes.retryDelaysMs = retryDelaysMs;
  }
  if (timeoutMs !== undefined) {
    if (!isNumber(timeoutMs)) return badSchedule();
    changes.timeoutMs = timeoutMs;
  }
  try {
    return { status: 200, body: { schedule: context.setSchedule(changes) } };
  } catch (error) {
    if (error instanceof RangeError) return badSchedule(error.message);
    throw error;
  }
}

function badSchedule(
  message = 'Give jitterMs as { min, max }, retryDelaysMs as a list and timeoutMs, in milliseconds.',
): ControlAnswer {
  return { status: 400, body: { error: { message } } };
}

function drive(state: FakeState, path: string, body: Body): Stripe.Event[] | null {
  const match =
    /^\/__control\/(sessions|subscriptions|invoices|charges)\/([^/]+)\/([a-z_-]+)$/.exec(path);
  if (!match) return null;
  const [, kind, rawId, action] = match;
  const id = decodeURIComponent(rawId!);
  switch (`${kind}/${action}`) {
    case 'sessions/complete':
      return completeCheckout(state, id, {
        delayedPayment: flag(body, 'delayedPayment'),
        email: typeof body.email === 'string' ? body.email : undefined,
        name: typeof body.name === 'string' ? body.name : undefined,
      });
    case 'sessions/settle':
      return settleAsyncPayment(state, id, body.succeeded !== false);
    case 'sessions/expire':
      return expireCheckout(state, id);
    case 'subscriptions/renew':
      return renewSubscription(state, id, { fail: flag(body, 'fail') });
    case 'subscriptions/cancel':
      return cancelSubscription(state, id, { atPeriodEnd: flag(body, 'atPeriodEnd') });
    case 'subscriptions/mark-unpaid':
      return markUnpaid(state, id);
    case 'invoices/pay':
      return payInvoice(state, id);
    case 'invoices/fail':
      return failInvoicePayment(state, id);
    case 'charges/refund':
      return refundCharge(state, id, typeof body.amount === 'number' ? body.amount : undefined);
    case 'charges/dispute':
      return disputeCharge(state, id);
    default:
      return null;
  }
}

function notFound(method: string, path: string): ControlAnswer {
  return { status: 404, body: { error: { message: `No control endpoint ${method} ${path}` } } };
}
