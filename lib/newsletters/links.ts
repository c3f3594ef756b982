import { createHmac, timingSafeEqual } from 'node:crypto';
import { getAuthSecret } from '@/lib/auth/secret';
import { getEnv } from '@/lib/platform/env';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(purpose: string, ...parts: string[]): string {
  return createHmac('sha256', getAuthSecret())
    .update(['newsletter', purpose, ...parts].join(':'))
    .digest('base64url')
    .slice(0, 32);
}

function matches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The key in a subscriber's preferences link: their id and a signature of it. Every e-mail
 * carries it, so a reader without an account manages their subscriptions without signing in;
 * it grants that and nothing else.
 */
export function preferencesKey(subscriberId: string): string {
  return `${subscriberId}.${signature('preferences', subscriberId)}`;
}

/** The subscriber a preferences key names, or null when it was not made here. */
export function readPreferencesKey(key: string): string | null {
  const [id, sig, extra] = key.split('.');
  if (extra !== undefined || !id || !sig || !uuid.test(id)) return null;
  return matches(sig, signature('preferences', id)) ? id : null;
}

export function preferencesUrl(subscriberId: string): string {
  return `${getEnv().siteUrl}/newsletters/preferences/${preferencesKey(subscriberId)}`;
}

/**
 * The one-click unsubscribe URL of one list for one subscriber (RFC 8058): a mail client POSTs
 * to it without cookies or a page, so it carries its own proof.
 */
export function unsubscribeUrl(subscriberId: string, listId: string): string {
  const query = new URLSearchParams({
    s: subscriberId,
    l: listId,
    sig: signature('unsubscribe', subscriberId, listId),
  });
  return `${getEnv().siteUrl}/api/newsletters/unsubscribe?${query}`;
}

/** The subscriber and list an unsubscribe URL's parameters name, or null when not made here. */
export function readUnsubscribeParams(
  params: URLSearchParams,
): { subscriberId: string; listId: string } | null {
  const subscriberId = params.get('s') ?? '';
  const listId = params.get('l') ?? '';
  const sig = params.get('sig') ?? '';
  if (!uuid.test(subscriberId) || !uuid.test(listId)) return null;
  return matches(sig, signature('unsubscribe', subscriberId, listId))
    ? { subscriberId, listId }
    : null;
}
