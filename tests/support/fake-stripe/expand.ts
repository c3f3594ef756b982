import { invalidRequest } from './errors';
import { list } from './objects';
import type { FakeState } from './state';

type Json = { [key: string]: unknown };

/** The JSON form of an object, as the API sends it (decimals become strings). */
const jsonOf = (value: object): Json => JSON.parse(JSON.stringify(value)) as Json;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An object as the API answers it: its JSON form, with each `expand[]` path replaced by the
 * object it names (`subscription`, `subscription.latest_invoice`, `data.invoice` in lists), and
 * includable lists such as a session's `line_items` filled in.
 */
export function render(state: FakeState, object: object, paths: readonly string[]): Json {
  const copy = jsonOf(object);
  for (const path of paths) expandPath(state, copy, path.split('.'), path);
  return copy;
}

function expandPath(state: FakeState, target: Json, segments: string[], path: string): void {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if (head === 'data' && target.object === 'list' && Array.isArray(target.data)) {
    for (const item of target.data) {
      if (isRecord(item)) expandPath(state, item, rest, path);
    }
    return;
  }
  let value = target[head];
  if (value === undefined) {
    value = includable(state, target, head);
    if (value === undefined) {
      throw invalidRequest(`This property cannot be expanded (${head}).`, { param: 'expand' });
    }
    target[head] = value;
  } else if (typeof value === 'string') {
    const found = state.find(value);
    if (!found)
      throw invalidRequest(`This property cannot be expanded (${head}).`, { param: 'expand' });
    value = jsonOf(found);
    target[head] = value;
  }
  if (rest.length > 0 && isRecord(value)) expandPath(state, value, rest, path);
}

/** Lists Stripe leaves out of an object unless asked for. */
function includable(state: FakeState, target: Json, field: string): Json | undefined {
  const id = typeof target.id === 'string' ? target.id : '';
  if (target.object === 'checkout.session' && field === 'line_items') {
    const items = state.checkoutPlans.get(id)?.lineItems ?? [];
    return jsonOf(list(`/v1/checkout/sessions/${id}/line_items`, items));
  }
  if (target.object === 'invoice' && field === 'payments') {
    const payments = state.invoicePaymentsOf(id);
    return jsonOf(list(`/v1/invoices/${id}/payments`, payments));
  }
  if (target.object === 'charge' && field === 'refunds') {
    const refunds = [...state.refunds.values()].filter((refund) => refund.charge === id).reverse();
    return jsonOf(list(`/v1/charges/${id}/refunds`, refunds));
  }
  return undefined;
}
