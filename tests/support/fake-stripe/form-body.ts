import { invalidRequest } from './errors';

/** Decoded request parameters: strings at the leaves, as Stripe receives them. */
export type Params = { [key: string]: ParamValue };
export type ParamValue = string | Params | ParamValue[];

// Names that would reach Object.prototype through bracket keys; Stripe has no such parameters.
const forbidden = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Splits `line_items[0][price_data][currency]` into `['line_items', '0', 'price_data',
 * 'currency']`. An empty pair of brackets (`expand[]`) stands for "the next index".
 */
export function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0 || !key.endsWith(']')) return [key];
  const parts = [key.slice(0, open)];
  const rest = key.slice(open);
  const pattern = /\[([^[\]]*)\]/g;
  let consumed = 0;
  for (const match of rest.matchAll(pattern)) {
    if (match.index !== consumed) return [key];
    parts.push(match[1] ?? '');
    consumed += match[0].length;
  }
  return consumed === rest.length ? parts : [key];
}

type Tree = { [key: string]: Tree | string };

/**
 * Decodes Stripe's form encoding (`application/x-www-form-urlencoded` with bracket
 * notation) into nested objects; objects whose keys are all indices become arrays.
 */
export function decodeForm(body: string): Params {
  const root: Tree = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = splitKey(rawKey);
    let node = root;
    for (let index = 0; index < path.length; index += 1) {
      let part = path[index]!;
      if (forbidden.has(part)) throw invalidRequest(`Received unknown parameter: ${rawKey}`);
      if (part === '') part = String(Object.keys(node).length);
      const last = index === path.length - 1;
      const existing = node[part];
      if (last) {
        if (typeof existing === 'object') throw conflict(rawKey);
        node[part] = value;
      } else if (existing === undefined) {
        const child: Tree = {};
        node[part] = child;
        node = child;
      } else if (typeof existing === 'string') {
        // `metadata=` (unset everything) followed by `metadata[key]=value` sets the key.
        if (existing !== '') throw conflict(rawKey);
        const child: Tree = {};
        node[part] = child;
        node = child;
      } else {
        node = existing;
      }
    }
  }
  return normalise(root) as Params;
}

const conflict = (key: string) =>
  invalidRequest(`Invalid request: the parameter ${key} was given both as a value and as a hash.`, {
    param: key,
  });

const isIndex = (key: string) => /^(0|[1-9][0-9]{0,5})$/.test(key);

function normalise(tree: Tree | string): ParamValue {
  if (typeof tree === 'string') return tree;
  const keys = Object.keys(tree);
  if (keys.length > 0 && keys.every(isIndex)) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => normalise(tree[String(index)]!));
  }
  const result: Params = {};
  for (const key of keys) result[key] = normalise(tree[key]!);
  return result;
}

/** Stripe's query strings use the same encoding as its bodies. */
export function decodeQuery(search: string): Params {
  return decodeForm(search.startsWith('?') ? search.slice(1) : search);
}

/** A stable text for a set of parameters, to compare two requests made with one idempotency key. */
export function canonicalParams(value: ParamValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalParams).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalParams(value[key]!)}`).join(',')}}`;
}
