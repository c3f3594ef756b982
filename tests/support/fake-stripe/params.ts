import { invalidRequest, missingParam, unknownParam } from './errors';
import type { ParamValue, Params } from './form-body';

/** The name Stripe gives a nested parameter in its messages: `line_items[0][quantity]`. */
export const paramName = (prefix: string, key: string | number) =>
  prefix ? `${prefix}[${key}]` : String(key);

/**
 * The parameter names of one of the SDK's `…Params` types. tsc checks the list both ways, so
 * when the SDK's types gain or lose a parameter, this list has to follow.
 */
export function knownParams<T>() {
  return <const K extends readonly (keyof T & string)[]>(
    names: K,
    ..._complete: [Exclude<keyof T, K[number]>] extends [never]
      ? []
      : [missing: Exclude<keyof T, K[number]>]
  ): ReadonlySet<string> => new Set<string>(names);
}

export function rejectUnknown(params: Params, known: ReadonlySet<string>, prefix = ''): void {
  for (const key of Object.keys(params)) {
    if (!known.has(key)) throw unknownParam(paramName(prefix, key));
  }
}

export function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw missingParam(name);
  return value;
}

const describe = (value: ParamValue) => (typeof value === 'string' ? value : JSON.stringify(value));

/** A hash parameter; an empty string (Stripe's "unset") counts as absent. */
export function readObject(value: ParamValue | undefined, name: string): Params | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' || Array.isArray(value)) {
    throw invalidRequest('Invalid object', { param: name });
  }
  return value;
}

export function readArray(value: ParamValue | undefined, name: string): ParamValue[] | undefined {
  if (value === undefined) return undefined;
  if (value === '') return [];
  if (!Array.isArray(value)) throw invalidRequest('Invalid array', { param: name });
  return value;
}

export function readString(value: ParamValue | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw invalidRequest(`Invalid string: ${describe(value)}`, { param: name });
  }
  return value;
}

/** A string that must not be empty when given. */
export function readText(
  value: ParamValue | undefined,
  name: string,
  maxLength = 5000,
): string | undefined {
  const text = readString(value, name);
  if (text === undefined) return undefined;
  if (text === '') {
    throw invalidRequest(
      `You passed an empty string for '${name}'. We assume empty values are an attempt to unset a parameter; however '${name}' cannot be unset. You should remove '${name}' from your request or supply a non-empty value.`,
      { param: name },
    );
  }
  if (text.length > maxLength) {
    throw invalidRequest(
      `Invalid string: ${text.slice(0, 20)}...; must be at most ${maxLength} characters`,
      {
        param: name,
      },
    );
  }
  return text;
}

export function readInteger(
  value: ParamValue | undefined,
  name: string,
  bounds: { min?: number; max?: number } = {},
): number | undefined {
  const text = readString(value, name);
  if (text === undefined) return undefined;
  if (!/^-?[0-9]+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw invalidRequest(`Invalid integer: ${text}`, { param: name });
  }
  const number = Number(text);
  if (bounds.min !== undefined && number < bounds.min) {
    throw invalidRequest(`This value must be greater than or equal to ${bounds.min}.`, {
      param: name,
    });
  }
  if (bounds.max !== undefined && number > bounds.max) {
    throw invalidRequest(`This value must be less than or equal to ${bounds.max}.`, {
      param: name,
    });
  }
  return number;
}

export function readBoolean(value: ParamValue | undefined, name: string): boolean | undefined {
  const text = readString(value, name);
  if (text === undefined) return undefined;
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw invalidRequest(`Invalid boolean: ${text}`, { param: name });
}

export function readEnum<const T extends string>(
  value: ParamValue | undefined,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const text = readString(value, name);
  if (text === undefined) return undefined;
  const match = allowed.find((candidate) => candidate === text);
  if (match === undefined) {
    const list =
      allowed.length > 1
        ? `${allowed.slice(0, -1).join(', ')}, or ${allowed[allowed.length - 1]}`
        : allowed.join('');
    throw invalidRequest(`Invalid ${name}: must be one of ${list}`, { param: name });
  }
  return match;
}

/** An e-mail address, checked as loosely as Stripe checks it: something@somewhere.tld. */
export function readEmail(
  value: ParamValue | undefined,
  name: string,
  maxLength = 5000,
): string | undefined {
  const email = readText(value, name, maxLength);
  if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw invalidRequest(`Invalid email address: ${email}`, { param: name, code: 'email_invalid' });
  }
  return email;
}

/** An absolute http(s) address, as Stripe requires for redirect URLs. */
export function readUrl(value: ParamValue | undefined, name: string): string | undefined {
  const text = readString(value, name);
  if (text === undefined) return undefined;
  if (text.length > 5000) {
    throw invalidRequest('Invalid URL: URL must be 5000 characters or less.', { param: name });
  }
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw invalidRequest('Not a valid URL', { param: name, code: 'url_invalid' });
  }
  return text;
}

/**
 * Metadata as Stripe limits it: at most 50 keys, keys up to 40 characters, values up to 500.
 * Empty values unset a key, so on creation they are simply left out.
 */
export function readMetadata(
  value: ParamValue | undefined,
  name: string,
): Record<string, string> | undefined {
  if (value === '') return {};
  const hash = readObject(value, name);
  if (hash === undefined) return undefined;
  const keys = Object.keys(hash);
  if (keys.length > 50) {
    throw invalidRequest(
      `Invalid ${name}: metadata can have at most 50 keys, but you passed in ${keys.length}.`,
      { param: name },
    );
  }
  const metadata: Record<string, string> = {};
  for (const key of keys) {
    const entry = paramName(name, key);
    if (key.length > 40) {
      throw invalidRequest(
        `Metadata keys can have up to 40 characters, but you passed in a key that is ${key.length} characters. Invalid key: ${key}`,
        { param: entry },
      );
    }
    const item = hash[key]!;
    if (typeof item !== 'string') {
      throw invalidRequest(`Invalid value type: ${describe(item)} must be a string`, {
        param: entry,
      });
    }
    if (item.length > 500) {
      throw invalidRequest(
        `Metadata values can have up to 500 characters, but you passed in a value that is ${item.length} characters. Invalid value: ${item.slice(0, 40)}...`,
        { param: entry },
      );
    }
    if (item !== '') metadata[key] = item;
  }
  return metadata;
}

/**
 * Metadata given to an update: keys to set, keys to remove (an empty value, so null here), or
 * null to remove every key (`metadata=`).
 */
export function readMetadataChanges(
  value: ParamValue | undefined,
  name: string,
): Record<string, string | null> | null | undefined {
  if (value === '') return null;
  if (value === undefined) return undefined;
  const kept = readMetadata(value, name) ?? {};
  const keys = Object.keys(readObject(value, name) ?? {});
  return Object.fromEntries(keys.map((key) => [key, kept[key] ?? null]));
}

/** Applies metadata changes to a copy of the current metadata. */
export function changedMetadata(
  current: Record<string, string>,
  changes: Record<string, string | null> | null,
): Record<string, string> {
  const metadata: Record<string, string> = changes === null ? {} : { ...current };
  for (const [key, value] of Object.entries(changes ?? {})) {
    if (value === null) delete metadata[key];
    else metadata[key] = value;
  }
  return metadata;
}

/**
 * Refuses a parameter Stripe accepts but the fake does not act out, rather than ignore it.
 * `what` names the refused use when it is more than the parameter itself.
 */
export function refuseUnsimulated(name: string, what = `\`${name}\``): never {
  throw invalidRequest(
    `The fake Stripe API does not simulate ${what}. Extend tests/support/fake-stripe if a test needs it.`,
    { param: name },
  );
}

/** The `expand` parameter: a list of dotted paths. */
export function readExpand(params: Params): string[] {
  const list = readArray(params.expand, 'expand') ?? [];
  return list.map((entry, index) => {
    const path = readString(entry, `expand[${index}]`) ?? '';
    if (path.split('.').length > 4) {
      throw invalidRequest(
        `You cannot expand more than 4 levels of a property. Property: ${path}`,
        { param: `expand[${index}]` },
      );
    }
    return path;
  });
}

export interface ListParams {
  limit: number;
  startingAfter: string | undefined;
  endingBefore: string | undefined;
  expand: string[];
}

export function readListParams(params: Params): ListParams {
  const startingAfter = readText(params.starting_after, 'starting_after');
  const endingBefore = readText(params.ending_before, 'ending_before');
  if (startingAfter && endingBefore) {
    throw invalidRequest(
      'You may only specify one of these parameters: ending_before, starting_after.',
    );
  }
  return {
    limit: readInteger(params.limit, 'limit', { min: 1, max: 100 }) ?? 10,
    startingAfter,
    endingBefore,
    expand: readExpand(params),
  };
}
