import type Stripe from 'stripe';
import { StripeApiError } from './errors';
import type { Mode } from './server';
import {
  cancelSubscription,
  completeCheckout,
  expireCheckout,
  refundCharge,
  renewSubscription,
  settleAsyncPayment,
} from './scenarios';
import type { FakeState } from './state';

// Test-control endpoints, so a test in another process (a browser test, say) can act out what
// would happen on Stripe's side. They need no key: the fake only listens on the loopback address.

export interface ControlContext {
  state: FakeState;
  deliver(events: Stripe.Event[]): Promise<number[]>;
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
    if (method !== 'POST') return notFound(method, path);
    if (path === '/__control/mode') {
      const mode = body.mode;
      if (mode !== 'ok' && mode !== 'error' && mode !== 'down') {
        return { status: 400, body: { error: { message: 'mode must be ok, error or down' } } };
      }
      context.setMode(mode);
      return { status: 200, body: { mode, events: [], statuses: [] } };
    }
    const events = drive(state, path, body);
    if (!events) return notFound(method, path);
    const statuses = await context.deliver(events);
    return { status: 200, body: { events: events.map((event) => event.type), statuses } };
  } catch (error) {
    if (error instanceof StripeApiError) {
      return { status: error.status, body: { error: { message: error.message } } };
    }
    throw error;
  }
}

function drive(state: FakeState, path: string, body: Body): Stripe.Event[] | null {
  const match = /^\/__control\/(sessions|subscriptions|charges)\/([^/]+)\/([a-z_]+)$/.exec(path);
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
    case 'charges/refund':
      return refundCharge(state, id, typeof body.amount === 'number' ? body.amount : undefined);
    default:
      return null;
  }
}

function notFound(method: string, path: string): ControlAnswer {
  return { status: 404, body: { error: { message: `No control endpoint ${method} ${path}` } } };
}
